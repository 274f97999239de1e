package dev.cachet.providers.anthropic;

import dev.cachet.context.TokenCounter;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.Provider;
import dev.cachet.providers.ProviderContext;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.providers.cache.CacheSimulator;
import dev.cachet.providers.http.JsonHttp;
import dev.cachet.providers.http.RetryingTransport;
import dev.cachet.providers.pricing.ModelPrice;
import java.time.Clock;
import java.util.function.Supplier;

/** Anthropic's Messages API: explicit cache breakpoints, 5-minute or 1-hour TTL, or each request's choice (auto). */
public final class AnthropicProvider implements Provider {
    static final String KEY = "ANTHROPIC_API_KEY";
    /** Answers are cut off here; the agent's turns are tool calls and short notes, far below it. */
    static final int MAX_OUTPUT_TOKENS = 8192;

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public String usage() {
        return "anthropic:<model> (key from " + KEY + ")";
    }

    @Override
    public boolean servesByName(String model) {
        return model.startsWith("claude-");
    }

    @Override
    public ModelClient client(ModelSpec spec, Supplier<ModelPrice> price, ProviderContext context) {
        String key = context.key(KEY);
        RequestLifetime lifetime = spec.cacheTtl().fixed().map(RequestLifetime::fixed).orElseGet(() ->
                RequestLifetime.simulated(cache(spec, price.get(), context.counter()), Clock.systemUTC()));
        return new AnthropicClient(spec.name(), spec.baseUrl().orElse(AnthropicClient.DEFAULT_BASE_URL), key,
                MAX_OUTPUT_TOKENS, lifetime, new JsonHttp(RetryingTransport.standard(name())));
    }

    @Override
    public CacheSimulator cache(ModelSpec spec, ModelPrice price, TokenCounter counter) {
        return BreakpointCacheSimulator.anthropic(counter, spec.name(), spec.cacheTtl(), price);
    }
}
