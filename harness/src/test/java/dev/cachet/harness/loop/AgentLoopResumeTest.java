package dev.cachet.harness.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.context.window.WindowFactory;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop going on with a session rebuilt from its log, and stopping when asked to. */
class AgentLoopResumeTest {
    private static final ModelPrice PRICE = new ModelPrice(3.00, 15.00, 3.75, 6.00, 0.30);
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final List<SessionEvent> events = new ArrayList<>();
    private final StopRequest stop = new StopRequest();
    private final Session session = new Session("system", ToolBox.core().specs(), "task");

    private static AssistantTurn turn(ToolCall... calls) {
        return AssistantTurn.calls("", calls);
    }

    private static ToolCall command(String id, String command) {
        return new ToolCall(id, "run_command", "{\"command\":\"" + command + "\"}");
    }

    private static ToolCall finish(String id) {
        return new ToolCall(id, "finish", "{\"summary\":\"done\"}");
    }

    private AgentLoop loop(ScriptedModelClient model) {
        ToolContext context = ToolContext.defaults(new Workspace(dir), System.getenv()).withSandbox(Sandbox.of(SandboxMode.FULL));
        return new AgentLoop(model, new TranscriptStrategy(new WindowFactory(COUNTER)), ToolBox.core(), context,
                new Ledger(PRICE), Limits.DEFAULT, CLOCK, events::add, stop);
    }

    /** The session as its log had it: the last turn appended, with the results it got. */
    private Resumption after(AssistantTurn last, Map<String, ToolResult> results, Set<String> started, boolean refused) {
        session.append(last);
        results.values().forEach(session::append);
        return new Resumption(3, 0, Optional.of(new LastTurn(last, results, started, refused)));
    }

    private List<ToolResult> results() {
        return events.stream().filter(SessionEvent.ToolReturned.class::isInstance)
                .map(e -> ((SessionEvent.ToolReturned) e).result()).toList();
    }

    @Test
    void a_command_caught_running_is_not_run_again_and_the_model_hears_so_with_the_git_status() throws IOException {
        Files.writeString(dir.resolve("counter"), "");
        Resumption from = after(turn(command("c1", "echo ran >> counter")), Map.of(), Set.of("c1"), false);

        RunResult result = loop(ScriptedModelClient.of(turn(finish("c2")))).resume(session, from);

        assertThat(result.reason()).isEqualTo(StopReason.DONE);
        assertThat(result.turns()).isEqualTo(4);
        assertThat(Files.readString(dir.resolve("counter"))).isEmpty();
        ToolResult told = results().get(0);
        assertThat(told.callId()).isEqualTo("c1");
        assertThat(told.error()).isTrue();
        assertThat(told.content()).contains("may or may not have completed").contains("not a git repository");
        assertThat(events).filteredOn(SessionEvent.ToolCalled.class::isInstance).extracting(e -> ((SessionEvent.ToolCalled) e).call().id())
                .containsExactly("c2");
    }

    @Test
    void a_read_caught_running_is_run_again_and_calls_that_never_started_run() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello\n");
        ToolCall read = new ToolCall("c1", "read_file", "{\"path\":\"notes.txt\"}");
        ToolCall write = new ToolCall("c2", "write_file", "{\"path\":\"out.txt\",\"content\":\"x\"}");
        Resumption from = after(turn(read, write), Map.of(), Set.of("c1"), false);

        loop(ScriptedModelClient.of(turn(finish("c3")))).resume(session, from);

        assertThat(results()).extracting(ToolResult::callId).containsExactly("c1", "c2", "c3");
        assertThat(results().get(0).content()).contains("hello");
        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("x");
    }

    @Test
    void a_file_change_caught_running_is_not_made_again() {
        ToolCall write = new ToolCall("c1", "write_file", "{\"path\":\"out.txt\",\"content\":\"x\"}");
        Resumption from = after(turn(write), Map.of(), Set.of("c1"), false);

        loop(ScriptedModelClient.of(turn(finish("c2")))).resume(session, from);

        assertThat(dir.resolve("out.txt")).doesNotExist();
        assertThat(results().get(0).content()).startsWith("interrupted");
    }

    @Test
    void a_session_that_called_finish_before_it_died_is_done_without_asking_the_model() {
        ToolResult finished = new ToolResult("c1", "finish", "finished: done", false);
        Resumption from = after(turn(finish("c1")), Map.of("c1", finished), Set.of("c1"), false);
        ScriptedModelClient model = ScriptedModelClient.of();

        RunResult result = loop(model).resume(session, from);

        assertThat(result.reason()).isEqualTo(StopReason.DONE);
        assertThat(model.windows()).isEmpty();
    }

    @Test
    void calls_the_repeat_guard_refused_get_a_result_saying_so_and_the_model_goes_on() throws IOException {
        Files.writeString(dir.resolve("counter"), "");
        Resumption from = after(turn(command("c1", "echo ran >> counter")), Map.of(), Set.of(), true);

        RunResult result = loop(ScriptedModelClient.of(turn(finish("c2")))).resume(session, from);

        assertThat(result.reason()).isEqualTo(StopReason.DONE);
        assertThat(Files.readString(dir.resolve("counter"))).isEmpty();
        assertThat(results().get(0).content()).startsWith("not run: these were the same tool calls");
    }

    @Test
    void a_stop_requested_before_the_turn_stops_the_session_as_interrupted_without_asking_the_model() {
        ScriptedModelClient model = ScriptedModelClient.of(turn(finish("c1")));
        stop.request("stopped by Ctrl-C");

        RunResult result = loop(model).run(session);

        assertThat(result.reason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(result.detail()).isEqualTo("stopped by Ctrl-C");
        assertThat(model.windows()).isEmpty();
        assertThat(events).last().isInstanceOf(SessionEvent.Stopped.class);
    }

    @Test
    void a_stop_during_a_command_kills_it_and_leaves_its_call_without_a_result() throws Exception {
        Path fifo = dir.resolve("ready");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        ToolCall slow = command("c1", "echo started > ready; exec sleep 3600");
        Thread requester = new Thread(() -> {
            try {
                Files.readString(fifo); // blocks until the command is running
                stop.request("stopped by SIGTERM");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        requester.start();

        long start = System.nanoTime();
        RunResult result = loop(ScriptedModelClient.of(turn(slow), turn(finish("c2")))).run(session);
        requester.join();

        assertThat(result.reason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat((System.nanoTime() - start) / 1_000_000_000).as("seconds to stop").isLessThan(60);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).endsWith("ToolCalled", "Stopped");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
