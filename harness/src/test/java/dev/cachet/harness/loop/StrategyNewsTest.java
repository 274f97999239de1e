package dev.cachet.harness.loop;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.session.SessionEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrategyNewsTest {
    private static final ModelPrice SONNET = new ModelPrice(3, 15, 3.75, 6, 0.3);
    private static final Usage USAGE = new Usage(100, 0, 2_000, 10, 0);

    private final ContextStrategy strategy = mock(ContextStrategy.class);
    private final StrategyNews news = new StrategyNews(() -> strategy, Clock.systemUTC(), SONNET::cacheRates);

    @Test
    void the_lifetime_a_request_left_its_prefix_cached_for_reaches_the_strategy_at_that_lifetimes_prices() {
        news.heard(new SessionEvent.CachePredicted(USAGE, USAGE, 0, Duration.ofHours(1)), Optional.empty());

        verify(strategy).cacheLifetime(SONNET.cacheRates(Duration.ofHours(1)));
    }

    @Test
    void a_prediction_from_an_older_log_names_no_lifetime_and_tells_none() {
        news.heard(new SessionEvent.CachePredicted(USAGE, USAGE, 0, null), Optional.empty());

        verify(strategy, never()).cacheLifetime(any());
    }
}
