package dev.cachet.harness.loop;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.session.SessionEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrategyNewsTest {
    private static final ModelPrice SONNET = new ModelPrice(3, 15, 3.75, 6, 0.3);
    private static final Usage USAGE = new Usage(100, 0, 2_000, 10, 0);
    private static final Duration HOUR = Duration.ofHours(1);

    private final ContextStrategy strategy = mock(ContextStrategy.class);
    private final StrategyNews news = new StrategyNews(() -> strategy, Clock.systemUTC(), SONNET::cacheRates);

    private void hear(SessionEvent... events) {
        for (SessionEvent event : events) {
            news.heard(event, Optional.of(Instant.parse("2026-12-06T10:00:00Z")));
        }
    }

    private static SessionEvent.CachePredicted predicted(Duration lifetime) {
        return new SessionEvent.CachePredicted(USAGE, USAGE, 0, lifetime);
    }

    private static SessionEvent.ModelResponded answered() {
        return new SessionEvent.ModelResponded(1, AssistantTurn.text("done"), USAGE, 0.01, 10, FinishReason.END_TURN, 0);
    }

    @Test
    void the_lifetime_a_call_left_its_prefix_cached_for_reaches_the_strategy_at_that_lifetimes_prices() {
        hear(predicted(HOUR), answered());

        verify(strategy).cacheLifetime(SONNET.cacheRates(HOUR));
    }

    @Test
    void so_does_a_pings() {
        hear(predicted(HOUR), new SessionEvent.Pinged(1, 1, USAGE, 0.001));

        verify(strategy).cacheLifetime(SONNET.cacheRates(HOUR));
    }

    @Test
    void a_summarys_request_leaves_no_prefix_the_agents_windows_read_and_tells_none() {
        hear(predicted(HOUR), new SessionEvent.SummaryResponded(USAGE, 0.01, "the summary"));

        verify(strategy, never()).cacheLifetime(any());
    }

    @Test
    void a_prediction_from_an_older_log_names_no_lifetime_and_tells_none() {
        hear(predicted(null), answered());

        verify(strategy, never()).cacheLifetime(any());
    }
}
