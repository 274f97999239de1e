package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.Recording.command;
import static dev.cachet.harness.cli.Recording.finish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.harness.resume.SessionFiles;
import dev.cachet.providers.session.LoggedEvent;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionLogReader;
import dev.cachet.providers.session.StopReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C and SIGTERM to a real `cachet run`: it stops gracefully, says how to resume, and the session resumes. */
class InterruptTest {
    @TempDir
    Path dir;

    /** The environment of the cachet processes this test starts: their HOME and state and config directories. */
    private Map<String, String> user() {
        return CachetProcess.environment(dir);
    }

    @StartStop
    final MockWebServer server = new MockWebServer();

    private Path workspace;

    private CachetProcess run(ScriptedOpenAi model) throws Exception {
        server.setDispatcher(model);
        workspace = Files.createDirectories(dir.resolve("ws"));
        return CachetProcess.start(dir, "run", "-w", workspace.toString(), "--sandbox", "full",
                "--model", "openai-compatible:gpt-5", "--base-url", server.url("/v1").toString(), "wait for it");
    }

    private List<SessionEvent> events() {
        Path log = SessionFiles.of(CliRun.sessionLogs(user()), workspace).all().get(0);
        return new SessionLogReader(warning -> { }).read(log).stream().map(LoggedEvent::event).toList();
    }

    @Test
    void ctrl_c_during_a_command_ends_its_processes_logs_the_stop_exits_130_and_the_session_resumes() throws Exception {
        Path ready = dir.resolve("ready");
        new ProcessBuilder("mkfifo", ready.toString()).start().waitFor();
        CachetProcess cachet = run(new ScriptedOpenAi(Duration.ZERO,
                command("c1", "echo running > " + ready + "; exec " + Sleeper.COMMAND), finish("c2")));

        Files.readString(ready); // opens when the command writes to it: the command is running
        cachet.signal("INT");

        assertThat(cachet.exitCode()).as(cachet.err()).isEqualTo(ExitCodes.INTERRUPTED);
        String id = SessionFiles.of(CliRun.sessionLogs(user()), workspace).all().get(0).getFileName().toString().replace(".jsonl", "");
        assertThat(cachet.out()).contains("stopped: interrupted: stopped by Ctrl-C (1 turn)")
                .contains("to go on: cachet resume " + id + " -w " + workspace);
        assertThat(cachet.err()).contains("stopping the session (Ctrl-C); Ctrl-C again to quit at once");
        assertThat(events()).extracting(e -> e.getClass().getSimpleName()).endsWith("ToolCalled", "Stopped");
        assertThat(((SessionEvent.Stopped) events().get(events().size() - 1)).reason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(Sleeper.survivors()).as("processes of the command still running").isEmpty();

        CliRun resumed = CliRun.withEnvironment(user(), "resume", id, "-w", workspace.toString(), "--sandbox", "full");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(events()).filteredOn(SessionEvent.ToolReturned.class::isInstance).first()
                .satisfies(e -> assertThat(((SessionEvent.ToolReturned) e).result().content()).startsWith("interrupted"));
    }

    @Test
    void sigterm_while_waiting_for_the_model_stops_at_once_and_the_session_resumes() throws Exception {
        ScriptedOpenAi model = new ScriptedOpenAi(Duration.ofMinutes(10), finish("c1"));
        CachetProcess cachet = run(model);

        server.takeRequest(); // the model call is under way
        cachet.signal("TERM");

        assertThat(cachet.exitCode()).as(cachet.err()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(events()).extracting(e -> e.getClass().getSimpleName()).endsWith("WindowRendered", "Stopped");
        assertThat(((SessionEvent.Stopped) events().get(events().size() - 1)).detail()).isEqualTo("stopped by SIGTERM");

        model.answerAfter(Duration.ZERO);
        CliRun resumed = CliRun.withEnvironment(user(), "resume", "-w", workspace.toString(), "--sandbox", "full");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("stopped: done: the model called finish (1 turn)");
    }

    @Test
    void a_second_ctrl_c_exits_at_once_while_the_first_waits_on_a_server_that_does_not_answer() throws Exception {
        Path ready = dir.resolve("server-up");
        new ProcessBuilder("mkfifo", ready.toString()).start().waitFor();
        Path config = Files.createDirectories(dir.resolve("config/cachet")).resolve("config.yaml");
        Files.writeString(config, "mcp_servers:\n  silent:\n    command: [sh, -c, \"echo up > " + ready + "; exec "
                + Sleeper.COMMAND + "\"]\n");
        CachetProcess cachet = run(new ScriptedOpenAi(Duration.ZERO, finish("c1")));

        Files.readString(ready); // the server runs, and cachet waits for it to say hello, which it never does
        cachet.signal("INT");
        cachet.awaitErr("Ctrl-C again to quit at once");
        cachet.signal("INT");

        assertThat(cachet.endsWithin(20_000)).as("ended well before the server's start-up times out").isTrue();
        assertThat(cachet.exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(Sleeper.survivors()).as("the server's process still running").isEmpty();
    }

    /** The command's process, found by a sleep no other process on the machine is likely to be running. */
    private static final class Sleeper {
        static final String COMMAND = "sleep 3517";

        /** Those still running, given a few seconds to die: the kill of their process group runs on its own. */
        static List<ProcessHandle> survivors() {
            Instant deadline = Instant.now().plusSeconds(10);
            List<ProcessHandle> left = running();
            while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
                long wait = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
                left.get(0).onExit().completeOnTimeout(null, wait, TimeUnit.MILLISECONDS).join();
                left = running();
            }
            return left;
        }

        private static List<ProcessHandle> running() {
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(line -> line.endsWith(COMMAND)).orElse(false)).toList();
        }
    }
}
