package dev.cachet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.ExtractiveSummarizer;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.context.window.Window;
import dev.cachet.harness.loop.Ledger;
import dev.cachet.harness.loop.ManualTime;
import dev.cachet.harness.loop.PingingModel;
import dev.cachet.harness.loop.StopRequest;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.ScriptedModelClient;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.Workspace;
import dev.cachet.tools.sandbox.Approver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir
    Path dir;

    /** The parts of a session on {@code model}, whose bills are checked against the simulator of Anthropic's cache. */
    private SessionParts parts(ModelClient model) {
        PricedClient priced = new PricedClient(model, new PricedModel(SONNET, SimulatedSessions.PRICE,
                counter -> BreakpointCacheSimulator.anthropic(counter, SONNET.name(), ModelSpec.FIVE_MINUTES,
                        SimulatedSessions.PRICE)));
        return new SessionParts(priced, TokenCounter.o200k(), new Ledger(SimulatedSessions.PRICE), event -> { }, time, 2,
                time::scheduler);
    }

    /** The transcript, noting what it hears of the cache. */
    private ContextStrategy listening(SessionParts parts) {
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
        return parts.strategy(new ConfiguredStrategy(listening, listening.configure(Map.of())), new ExtractiveSummarizer());
    }

    /** Long enough for Anthropic's cache, which keeps no prompt under 1,024 tokens. */
    private static Session session() {
        return new Session("Be brief.", List.of(), "write a.txt: " + "word ".repeat(2_000));
    }

    /** Two pings, 4.5 and 9 minutes into a 10-minute idle stretch after the first call, each billed {@code ping}. */
    private PingingModel idleTenMinutes(Usage ping) {
        PingingModel model = new PingingModel(ScriptedModelClient.of(CALL, AssistantTurn.text("done")), ping);
        SessionParts parts = parts(model);
        Window window = listening(parts).render(session());

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
    void the_strategy_hears_what_share_of_its_cache_each_call_was_served_and_nothing_of_the_pings_bills()
            throws IOException {
        idleTenMinutes(new Usage(10, 20_000, 0, 1, 0));
        assertThat(served).as("a ping sends no window the strategy rendered").isEmpty();

        // Three calls whose provider reads nothing from its cache: the first had nothing cached to read.
        Files.writeString(dir.resolve("a.txt"), "a\n");
        Usage missed = new Usage(20_000, 0, 0, 50, 0);
        ToolCall read = new ToolCall("r", "read_file", "{\"path\":\"a.txt\"}");
        SessionParts parts = parts(ScriptedModelClient.of(missed, AssistantTurn.calls("", read),
                AssistantTurn.calls("", read), AssistantTurn.calls("", new ToolCall("f", "finish", "{\"summary\":\"read\"}"))));
        Session session = session();
        parts.loop(SimulatedSessions.spec(dir, session.task(), 0, Approver.ALWAYS), new Workspace(dir), Map.of(), session,
                listening(parts), ToolBox.core(), new StopRequest()).run(session);

        assertThat(served).containsExactly(0.0, 0.0);
    }
}
