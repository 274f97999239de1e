package dev.cachet.providers.replay;

import dev.cachet.context.TokenCounter;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.Provider;
import dev.cachet.providers.ProviderContext;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.providers.cache.CacheSimulator;
import dev.cachet.providers.pricing.ModelPrice;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * {@code replay:<session.jsonl>}: answers from a recorded session offline, billed as {@value #PRICED_AS} through
 * Anthropic's prompt cache.
 */
public final class ReplayProvider implements Provider {
    public static final String NAME = "replay";
    public static final String PRICED_AS = "claude-sonnet-4-6";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String usage() {
        return "replay:<session.jsonl> to answer from a recorded session offline (priced as " + PRICED_AS + ")";
    }

    @Override
    public ModelClient client(ModelSpec spec, Supplier<ModelPrice> price, ProviderContext context) {
        return client(RecordedSession.read(Path.of(spec.name()), context.warnings()), spec, price.get(),
                context.counter());
    }

    /** A client that answers from a recording already read, such as one bundled in the jar. */
    public ModelClient client(RecordedSession recording, ModelSpec spec, ModelPrice price, TokenCounter counter) {
        return new ReplayModelClient(recording, PRICED_AS, counter, cache(spec, price, counter));
    }

    @Override
    public CacheSimulator cache(ModelSpec spec, ModelPrice price, TokenCounter counter) {
        return BreakpointCacheSimulator.anthropic(counter, PRICED_AS, spec.cacheTtl(), price);
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
