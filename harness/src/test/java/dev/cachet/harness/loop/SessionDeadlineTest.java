package dev.cachet.harness.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.ProviderException;
import dev.cachet.providers.ScriptedModelClient;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.session.Limits;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.StopReason;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.Workspace;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** --max-time as one deadline for the session: it ends a model call or a command that is still running. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionDeadlineTest {
    private static final ModelPrice PRICE = new ModelPrice(3.00, 15.00, 3.75, 6.00, 0.30);
    private static final Limits HALF_A_SECOND = Limits.DEFAULT.withMaxWallTime(Duration.ofMillis(500));

    @TempDir
    Path dir;

    private final List<SessionEvent> events = new ArrayList<>();
    private final StopRequest stop = new StopRequest();

    @Test
    void a_model_that_has_not_answered_by_the_deadline_is_given_up_on() {
        RunResult result = loop(new SilentModel(), HALF_A_SECOND).run(session());

        assertThat(result.reason()).isEqualTo(StopReason.WALL_TIME);
        assertThat(result.turns()).isEqualTo(1);
        assertThat(result.detail()).isEqualTo("reached the limit of 500ms of wall time; what was still running was stopped");
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("WindowRendered", "Stopped");
        assertThat(((SessionEvent.Stopped) events.get(1)).reason()).isEqualTo(StopReason.WALL_TIME);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void a_command_still_running_at_the_deadline_is_ended_with_the_session() {
        ToolCall sleep = new ToolCall("c1", "run_command", "{\"command\":\"exec sleep 3600\"}");
        long start = System.nanoTime();

        RunResult result = loop(ScriptedModelClient.of(AssistantTurn.calls("", sleep)), HALF_A_SECOND).run(session());

        assertThat(result.reason()).isEqualTo(StopReason.WALL_TIME);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).endsWith("ToolCalled", "Stopped");
    }

    @Test
    void a_grep_whose_pattern_backtracks_past_the_deadline_is_ended_with_the_session() throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("a.txt"), "A".repeat(112) + "\n");
        ToolCall grep = new ToolCall("c1", "grep", "{\"pattern\":\"(.*A){15}B\"}");
        long start = System.nanoTime();

        RunResult result = loop(ScriptedModelClient.of(AssistantTurn.calls("", grep)), HALF_A_SECOND).run(session());

        assertThat(result.reason()).isEqualTo(StopReason.WALL_TIME);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).endsWith("ToolCalled", "Stopped");
    }

    @Test
    void a_ctrl_c_before_the_deadline_still_reads_as_an_interruption() {
        stop.request("stopped by Ctrl-C");

        RunResult result = loop(new SilentModel(), HALF_A_SECOND).run(session());

        assertThat(result.reason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(result.detail()).isEqualTo("stopped by Ctrl-C");
    }

    private AgentLoop loop(ModelClient model, Limits limits) {
        ToolContext context = ToolContext.defaults(new Workspace(dir), System.getenv()).withSandbox(Sandbox.of(SandboxMode.FULL));
        return new AgentLoop(model, new TranscriptStrategy(new WindowFactory(TokenCounter.o200k())), ToolBox.core(),
                context, new Ledger(PRICE), limits, Clock.systemUTC(), events::add, stop);
    }

    private static Session session() {
        return new Session("system", ToolBox.core().specs(), "task");
    }

    /** A provider that never answers: it waits until the wait is interrupted, as an HTTP client does. */
    private static final class SilentModel implements ModelClient {
        @Override
        public String model() {
            return "claude-sonnet-4-6";
        }

        @Override
        public ModelResponse complete(Window window) {
            try {
                new CountDownLatch(1).await();
                throw new AssertionError("unreachable");
            } catch (InterruptedException e) {
                throw new ProviderException("request interrupted", e);
            }
        }
    }
}
