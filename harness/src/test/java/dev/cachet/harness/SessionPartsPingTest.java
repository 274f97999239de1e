package dev.cachet.harness;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.cachet.providers.ScriptedModelClient;
import dev.cachet.providers.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A live session's strategy hears of each keep-alive ping, so it counts the cache's TTL from the last one. */
class SessionPartsPingTest {
    private static final Usage CALL = new Usage(10, 2_000, 18_000, 50, 0);
    private static final Usage PING = new Usage(10, 0, 20_000, 1, 0);

    @Test
    void the_strategy_hears_of_each_ping_sent_while_the_session_idles() {
        ManualTime time = new ManualTime(Instant.parse("2026-01-01T09:00:00Z"));
        PingingModel model = new PingingModel(ScriptedModelClient.of(CALL, AssistantTurn.text("done")), PING);
        SessionParts parts = new SessionParts(SimulatedSessions.anthropic(model, ModelSpec.FIVE_MINUTES),
                TokenCounter.o200k(), new Ledger(SimulatedSessions.PRICE), event -> { }, time, 2, time::scheduler);
        List<Instant> heard = new ArrayList<>();
        StrategyInfo listening = new StrategyInfo("listening", "the transcript, noting the cache's uses", List.of(),
                (services, params) -> new ContextStrategy() {
                    private final ContextStrategy transcript = new TranscriptStrategy(services.windows());

                    @Override
                    public Window render(Session session) {
                        return transcript.render(session);
                    }

                    @Override
                    public void cacheUsed(Instant at) {
                        heard.add(at);
                    }
                });
        ContextStrategy strategy = parts.strategy(new ConfiguredStrategy(listening, listening.configure(Map.of())),
                new ExtractiveSummarizer());
        Window window = strategy.render(new Session("Be brief.", List.of(), "write a.txt"));

        parts.idling().sent(1, window, Optional.of(CALL));
        parts.idling().whileIdle(() -> {
            time.advance(Duration.ofMinutes(10));
            return null;
        });

        assertThat(model.requests()).containsExactly("ping", "ping");
        assertThat(heard).containsExactly(Instant.parse("2026-01-01T09:04:30Z"), Instant.parse("2026-01-01T09:09:00Z"));
    }
}
