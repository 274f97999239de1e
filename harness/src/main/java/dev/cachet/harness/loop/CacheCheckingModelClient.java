package dev.cachet.harness.loop;

import dev.cachet.context.window.Window;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.KeepAlive;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.TextStream;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.CacheServed;
import dev.cachet.providers.cache.CacheSimulator;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs every window a provider receives through a simulator of its prompt cache as well, and logs the prediction
 * next to what the provider billed, so the simulators that price offline replays are checked against real bills, with
 * how long the request's prefix stays cached, which the strategy hears. A recorded session's model, whose usage is
 * simulated already, checks as exact.
 */
public final class CacheCheckingModelClient implements ModelClient {
    private final ModelClient provider;
    private final CacheSimulator simulator;
    private final SessionListener listener;
    private final Clock clock;

    public CacheCheckingModelClient(ModelClient provider, CacheSimulator simulator, SessionListener listener, Clock clock) {
        this.provider = provider;
        this.simulator = simulator;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public String model() {
        return provider.model();
    }

    @Override
    public boolean answersAnything() {
        return provider.answersAnything();
    }

    @Override
    public ModelResponse complete(Window window) {
        return complete(window, TextStream.NONE);
    }

    @Override
    public ModelResponse complete(Window window, TextStream text) {
        return checked(window, () -> provider.complete(window, text), true);
    }

    /** Pings pass through the simulator too: they refresh its entries as they refresh the provider's. */
    @Override
    public Optional<KeepAlive> keepAlive() {
        return provider.keepAlive().map(ping -> window -> checked(window, () -> ping.ping(window), false));
    }

    /**
     * @param call whether the request answers (the agent's call, or a summarizing strategy's), not a ping: as the
     *     provider's own lifetime rule does, the simulator learns its provider's misses from those alone, so both
     *     choose alike
     */
    private ModelResponse checked(Window window, Supplier<ModelResponse> request, boolean call) {
        Instant sent = clock.instant();
        ModelResponse response = request.get();
        Usage predicted = simulator.next(window, response.usage().map(Usage::output).orElse(0L), sent);
        // Without a bill there is nothing to check the prediction against, nor to learn from.
        response.usage().ifPresent(billed -> {
            if (call) {
                CacheServed.tell(simulator, predicted, billed);
            }
            listener.on(new SessionEvent.CachePredicted(predicted, billed, predicted.cacheRead() - billed.cacheRead(),
                    simulator.keptFor().orElse(null)));
        });
        return response;
    }
}
