package dev.cachet.providers.replay;

import dev.cachet.context.TokenCounter;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.Provider;
import dev.cachet.providers.ProviderContext;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.providers.cache.CacheSimulator;
import java.nio.file.Path;

/**
 * {@code replay:<session.jsonl>}: answers from a recorded session offline, billed as {@value #PRICED_AS} through
 * Anthropic's prompt cache.
 */
public final class ReplayProvider implements Provider {
    public static final String PRICED_AS = "claude-sonnet-4-6";

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String usage() {
        return "replay:<session.jsonl> to answer from a recorded session offline (priced as " + PRICED_AS + ")";
    }

    @Override
    public ModelClient client(ModelSpec spec, ProviderContext context) {
        return client(RecordedSession.read(Path.of(spec.name()), context.warnings()), spec, context.counter());
    }

    /** A client that answers from a recording already read, such as one bundled in the jar. */
    public ModelClient client(RecordedSession recording, ModelSpec spec, TokenCounter counter) {
        return new ReplayModelClient(recording, PRICED_AS, counter, cache(spec, counter));
    }

    @Override
    public CacheSimulator cache(ModelSpec spec, TokenCounter counter) {
        return BreakpointCacheSimulator.anthropic(counter, PRICED_AS, spec.cacheTtl());
    }

    @Override
    public String pricedAs(ModelSpec spec) {
        return PRICED_AS;
    }

    @Override
    public boolean usageSimulated() {
        return true;
    }
}
