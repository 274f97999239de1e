package dev.cachet.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.InstanceOfAssertFactories.DOUBLE;

import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.ExtractiveSummarizer;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.context.window.Window;
import dev.cachet.harness.loop.Ledger;
import dev.cachet.harness.loop.ManualTime;
import dev.cachet.harness.loop.PingingModel;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.ScriptedModelClient;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A live session's strategy hears of each keep-alive ping, so it counts the cache's TTL from the last one, and of how
 * much of what the cache should have served each request the provider's bill says it served.
 */
class SessionPartsStrategyTest {
    private static final Usage CALL = new Usage(10, 2_000, 18_000, 50, 0);
    private static final Usage PING = new Usage(10, 0, 20_000, 1, 0);
    private static final ModelSpec SONNET = new ModelSpec("anthropic", "claude-sonnet-4-6", Optional.empty(),
            ModelSpec.FIVE_MINUTES);

    private final ManualTime time = new ManualTime(Instant.parse("2026-01-01T09:00:00Z"));
    private final List<Instant> used = new ArrayList<>();
    private final List<Double> served = new ArrayList<>();

    /** Two pings, 4.5 and 9 minutes into a 10-minute idle stretch after the first call, each billed {@code ping}. */
    private PingingModel idleTenMinutes(Usage ping) {
        PingingModel model = new PingingModel(ScriptedModelClient.of(CALL, AssistantTurn.text("done")), ping);
        // A provider's bill, checked against the simulator of its cache.
        PricedClient priced = new PricedClient(model, new PricedModel(SONNET, SimulatedSessions.PRICE,
                counter -> BreakpointCacheSimulator.anthropic(counter, SONNET.name(), ModelSpec.FIVE_MINUTES)), false);
        SessionParts parts = new SessionParts(priced, TokenCounter.o200k(), new Ledger(SimulatedSessions.PRICE), event -> { }, time, 2, time::scheduler);
        StrategyInfo listening = new StrategyInfo("listening", "the transcript, noting what it hears of the cache",
                List.of(), (services, params) -> new ContextStrategy() {
                    private final ContextStrategy transcript = new TranscriptStrategy(services.windows());

                    @Override
                    public Window render(Session session) {
                        return transcript.render(session);
                    }

                    @Override
                    public void cacheUsed(Instant at) {
                        used.add(at);
                    }

                    @Override
                    public void cacheServed(long predictedRead, double share) {
                        served.add(share);
                    }
                });
        ContextStrategy strategy = parts.strategy(new ConfiguredStrategy(listening, listening.configure(Map.of())),
                new ExtractiveSummarizer());
        // Long enough for Anthropic's cache, which keeps no prompt under 1,024 tokens.
        Window window = strategy.render(new Session("Be brief.", List.of(), "write a.txt: " + "word ".repeat(2_000)));

        parts.idling().sent(1, window, Optional.of(CALL));
        parts.idling().whileIdle(() -> {
            time.advance(Duration.ofMinutes(10));
            return null;
        });
        return model;
    }

    @Test
    void the_strategy_hears_of_each_ping_sent_while_the_session_idles() {
        PingingModel model = idleTenMinutes(PING);

        assertThat(model.requests()).containsExactly("ping", "ping");
        assertThat(used).containsExactly(Instant.parse("2026-01-01T09:04:30Z"), Instant.parse("2026-01-01T09:09:00Z"));
    }

    @Test
    void the_strategy_hears_what_share_of_the_cache_the_provider_served_where_it_should_have_served_some() {
        // The first ping finds nothing cached by this session's requests; the second should read what it wrote.
        idleTenMinutes(PING);
        assertThat(served).singleElement(DOUBLE).isCloseTo(1.0, within(0.01));

        served.clear();
        idleTenMinutes(new Usage(10, 20_000, 0, 1, 0));
        assertThat(served).containsExactly(0.0);
    }
}
