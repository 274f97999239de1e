package dev.cachet.providers;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.strategy.CacheRates;
import dev.cachet.context.window.Window;
import dev.cachet.providers.cache.CacheSimulator;
import dev.cachet.providers.pricing.ModelPrice;
import java.time.Duration;
import java.util.Optional;

/** A model client with the price it bills at, and the cache simulator its billed usage is checked against. */
public final class PricedClient implements ModelClient {
    private final ModelClient client;
    private final PricedModel billing;

    public PricedClient(ModelClient client, PricedModel billing) {
        this.client = client;
        this.billing = billing;
    }

    /** The model as the user chose it. */
    public ModelSpec spec() {
        return billing.spec();
    }

    public ModelPrice price() {
        return billing.price();
    }

    /** Cache prices and TTL, as strategies weigh them. */
    public CacheRates cacheRates() {
        return billing.cacheRates();
    }

    /** Those of a request whose prefix the cache keeps for {@code lifetime}. */
    public CacheRates cacheRates(Duration lifetime) {
        return billing.cacheRates(lifetime);
    }

    @Override
    public String model() {
        return client.model();
    }

    @Override
    public ModelResponse complete(Window window) {
        return client.complete(window);
    }

    @Override
    public ModelResponse complete(Window window, TextStream text) {
        return client.complete(window, text);
    }

    @Override
    public boolean answersAnything() {
        return client.answersAnything();
    }

    @Override
    public Optional<KeepAlive> keepAlive() {
        return client.keepAlive();
    }

    @Override
    public PricedClient continuing(int answeredTurns) {
        return new PricedClient(client.continuing(answeredTurns), billing);
    }

    /**
     * A simulator to check billed usage against, which also tells the strategy each request's cache lifetime: a
     * client whose usage is simulated already (a recorded session's) checks as exact, and still tells.
     */
    public CacheSimulator cacheSimulator(TokenCounter counter) {
        return billing.caches().apply(counter);
    }
}
