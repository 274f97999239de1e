package dev.cachet.evals.replay;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.strategy.CacheRates;
import dev.cachet.context.window.Window;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.CacheSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The prompt cache of a run whose calls may be billed as different models ({@link CallModels}): a simulator per model,
 * as each model caches apart, so that a call reads only what earlier calls to its own model left. It is the cache of
 * the model of the call it was last pointed at ({@link #use}); a run of one model has one simulator.
 */
final class SwitchingCache implements CacheSimulator {
    private final CallModels models;
    private final TokenCounter counter;
    private final Map<String, CacheSimulator> byModel = new HashMap<>();
    private int call;

    SwitchingCache(CallModels models, TokenCounter counter) {
        this.models = models;
        this.counter = counter;
    }

    /** From now on, the cache of call {@code call}'s model (from 0). */
    void use(int call) {
        this.call = call;
    }

    /** The model of the call it was last pointed at. */
    PricedModel model() {
        return models.of(call);
    }

    /** The cache call {@code call} (from 0) is billed through: its model's ({@link CallModels#cacheOf}). */
    String cacheOf(int call) {
        return models.cacheOf(call);
    }

    /** How long what call {@code call}'s model's cache last kept lives ({@link CacheSimulator#lifetime}). */
    Duration lifetimeOf(int call) {
        return of(call).lifetime();
    }

    /**
     * What call {@code call}'s model charges to write and read its cache, for the lifetime that cache last kept what
     * it wrote ({@link CacheSimulator#keptFor}), else for the model's own.
     */
    CacheRates ratesOf(int call) {
        PricedModel model = models.of(call);
        return of(call).keptFor().map(model::cacheRates).orElseGet(model::cacheRates);
    }

    private CacheSimulator current() {
        return of(call);
    }

    private CacheSimulator of(int call) {
        return byModel.computeIfAbsent(models.cacheOf(call), key -> models.of(call).caches().apply(counter));
    }

    @Override
    public Usage next(Window window, long outputTokens, Instant at) {
        return current().next(window, outputTokens, at);
    }

    @Override
    public boolean caches() {
        return current().caches();
    }

    @Override
    public Duration ttl() {
        return current().ttl();
    }

    @Override
    public Duration lifetime() {
        return current().lifetime();
    }

    @Override
    public Optional<Duration> keptFor() {
        return current().keptFor();
    }

    @Override
    public Duration shortestLifetime() {
        return current().shortestLifetime();
    }

    @Override
    public void served(long predictedRead, double share) {
        current().served(predictedRead, share);
    }

    @Override
    public Usage servedAtMost(Usage predicted, long served) {
        return current().servedAtMost(predicted, served);
    }
}
