package dev.cachet.harness.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.harness.SimulatedSessions;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.ScriptedModelClient;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.providers.cache.CacheSimulator;
import dev.cachet.providers.cache.NoPromptCache;
import dev.cachet.providers.session.SessionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator that checks a live provider's bills chooses each request's lifetime as the provider's client does. */
class CacheCheckingModelClientTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    private static final List<Duration> GAPS =
            List.of(Duration.ZERO, Duration.ofSeconds(20), Duration.ofMinutes(10), Duration.ofSeconds(20));

    /** The lifetimes the checking simulator logged for four calls, 20 s, 10 min and 20 s apart, billed {@code usage}. */
    private static List<Duration> lifetimes(Usage usage) {
        return lifetimes(usage, BreakpointCacheSimulator.anthropic(COUNTER, "claude-sonnet-4-6", CacheLifetime.AUTO,
                SimulatedSessions.PRICE));
    }

    private static List<Duration> lifetimes(Usage usage, CacheSimulator simulator) {
        ManualTime time = new ManualTime(Instant.parse("2026-11-25T10:00:00Z"));
        List<Duration> logged = new ArrayList<>();
        AssistantTurn[] answers = new AssistantTurn[GAPS.size()];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = AssistantTurn.calls("Step " + i, new ToolCall("toolu_" + i, "run_command", "{\"command\":\"ls\"}"));
        }
        CacheCheckingModelClient checked = new CacheCheckingModelClient(ScriptedModelClient.of(usage, answers),
                simulator, event -> {
                    if (event instanceof SessionEvent.CachePredicted prediction) {
                        logged.add(prediction.lifetime());
                    }
                }, time);
        for (int turn = 0; turn < GAPS.size(); turn++) {
            time.advance(GAPS.get(turn));
            checked.complete(turns(turn));
        }
        return logged;
    }

    /** A long system prompt and the first {@code turns} turns after it, its end a breakpoint. */
    private static Window turns(int turns) {
        List<Message> history = new ArrayList<>(List.of(new UserText("fix the test")));
        for (int i = 0; i < turns; i++) {
            history.add(AssistantTurn.calls("Step " + i, new ToolCall("toolu_" + i, "run_command", "{\"command\":\"ls\"}")));
            history.add(new ToolResult("toolu_" + i, "run_command", "exit code 0\nsrc" + i, false));
        }
        return new WindowFactory(COUNTER).builder()
                .segment(SegmentKind.SYSTEM, List.of(new SystemText("Be careful. ".repeat(3_000)))).breakpoint()
                .segment(SegmentKind.HISTORY, history).breakpoint()
                .build();
    }

    @Test
    void a_provider_that_serves_its_cache_has_the_last_call_after_the_pause_cached_for_an_hour() {
        // Each bill read all but the last turn's few tokens, as the simulator predicts.
        assertThat(lifetimes(new Usage(20, 20, 6_000, 10, 0)))
                .containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofHours(1));
    }

    @Test
    void a_provider_whose_bills_read_nothing_has_every_call_cached_for_five_minutes() {
        assertThat(lifetimes(new Usage(20, 6_020, 0, 10, 0))).containsOnly(Duration.ofMinutes(5)).hasSize(4);
    }

    @Test
    void a_model_without_a_prompt_cache_names_no_lifetime_for_its_requests() {
        assertThat(lifetimes(new Usage(6_040, 0, 0, 10, 0), new NoPromptCache())).containsOnlyNulls().hasSize(4);
    }
}
