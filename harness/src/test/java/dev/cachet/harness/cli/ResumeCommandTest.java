package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.Recording.call;
import static dev.cachet.harness.cli.Recording.command;
import static dev.cachet.harness.cli.Recording.finish;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;
import dev.cachet.harness.resume.SessionFiles;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.session.LoggedEvent;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionLogReader;
import dev.cachet.providers.session.StopReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** `cachet resume` and `cachet sessions`, in-process against a recorded model. */
@Execution(ExecutionMode.CONCURRENT)
class ResumeCommandTest {
    @TempDir
    Path dir;

    private Path workspace;
    private Path recording;

    @BeforeEach
    void recordATaskOfFourTurns() throws IOException {
        workspace = Files.createDirectories(dir.resolve("ws"));
        recording = Recording.write(dir.resolve("recording.jsonl"),
                command("c1", "echo one >> counter.txt"),
                call("c2", "read_file", "{\"path\":\"counter.txt\"}"),
                command("c3", "echo two >> counter.txt"),
                finish("c4"));
    }

    private CliRun run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "-w", workspace.toString(), "--sandbox", "full",
                "--model", "replay:" + recording, "--strategy", "transcript"));
        args.addAll(List.of(extra));
        args.add("count to two");
        return CliRun.of(args.toArray(String[]::new));
    }

    private CliRun resume(String... extra) {
        List<String> args = new ArrayList<>(List.of("resume", "-w", workspace.toString(), "--sandbox", "full"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path log() {
        return SessionFiles.of(CliRun.sessionLogs(Map.of()), workspace).all().get(0);
    }

    private List<SessionEvent> events(List<String> warnings) throws IOException {
        return new SessionLogReader(warnings::add).read(log()).stream().map(LoggedEvent::event).toList();
    }

    @Test
    void a_session_a_limit_stopped_goes_on_with_a_higher_limit_and_the_same_model_and_strategy() throws IOException {
        CliRun stopped = run("--max-turns", "2");
        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(ExitCodes.LIMIT);
        String id = log().getFileName().toString().replace(".jsonl", "");
        assertThat(stopped.out()).contains("to go on: cachet resume " + id + " -w " + workspace + " --max-turns 4");

        CliRun resumed = resume("--max-turns", "10");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resumed session " + id + " after turn 2").contains("strategy transcript")
                .containsPattern("turn   3  in .*cold restart: \\$0\\.\\d{4}")
                .contains("stopped: done: the model called finish (4 turns)");
        assertThat(Files.readString(workspace.resolve("counter.txt"))).isEqualTo("one\ntwo\n");
        List<String> warnings = new ArrayList<>();
        List<SessionEvent> events = events(warnings);
        assertThat(warnings).isEmpty();
        assertThat(events).filteredOn(SessionEvent.Resumed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((SessionEvent.Resumed) e).limits().maxTurns()).isEqualTo(10));
        assertThat(events).filteredOn(SessionEvent.Stopped.class::isInstance)
                .extracting(e -> ((SessionEvent.Stopped) e).reason()).containsExactly(StopReason.MAX_TURNS, StopReason.DONE);
    }

    @Test
    void a_session_run_without_a_cache_lifetime_lets_each_request_choose_its_own_and_its_resume_keeps_that() throws IOException {
        run("--max-turns", "2");
        resume("--max-turns", "10");

        List<SessionEvent> events = events(new ArrayList<>());
        assertThat(events).filteredOn(SessionEvent.Started.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((SessionEvent.Started) e).modelChoice().cacheTtl()).isEqualTo(CacheLifetime.AUTO));
        assertThat(events).filteredOn(SessionEvent.Resumed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((SessionEvent.Resumed) e).modelChoice().cacheTtl()).isEqualTo(CacheLifetime.AUTO));
    }

    @Test
    void a_resume_that_names_another_model_keeps_the_cache_lifetime_the_session_ran_with() throws IOException {
        run("--max-turns", "2", "--cache-ttl", "1h");
        resume("--max-turns", "10", "--model", "replay:" + recording);

        assertThat(events(new ArrayList<>())).filteredOn(SessionEvent.Resumed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((SessionEvent.Resumed) e).modelChoice().cacheTtl()).isEqualTo(CacheLifetime.ONE_HOUR));
    }

    @Test
    void sessions_lists_each_session_with_its_task_turns_cost_and_stop() throws IOException {
        run("--max-turns", "2");
        String id = log().getFileName().toString().replace(".jsonl", "");

        CliRun sessions = CliRun.of("sessions", "-w", workspace.toString());

        assertThat(sessions.exitCode()).isZero();
        assertThat(sessions.out()).containsPattern("id\\s+task\\s+turns\\s+cost\\s+stop\\s+active")
                .containsPattern(id + "\\s+count to two\\s+2\\s+\\$0\\.\\d{4}\\s+max turns\\s+0m ago");
        assertThat(CliRun.of("sessions", "-w", dir.toString()).out()).startsWith("no sessions in " + dir);
    }

    @Test
    void a_log_planted_in_the_workspace_is_never_resumed_as_the_last_session_nor_listed_as_one() throws IOException {
        run("--max-turns", "2");
        Path planted = Files.createDirectories(workspace.resolve(".cachet/sessions")).resolve("20991231-000000-ffffff.jsonl");
        Files.copy(log(), planted);
        Files.delete(log());

        CliRun resumed = resume("--max-turns", "10");
        CliRun byId = resume("20991231-000000-ffffff");
        CliRun sessions = CliRun.of("sessions", "-w", workspace.toString());

        assertThat(resumed.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(resumed.err()).startsWith("cachet: no sessions to resume").contains(planted.getParent().toString());
        assertThat(byId.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(byId.err()).contains("resume it by its path");
        assertThat(sessions.out()).startsWith("no sessions in " + workspace).contains("1 log older versions left in");
        assertThat(Files.readString(workspace.resolve("counter.txt"))).isEqualTo("one\n");
    }

    @Test
    void a_torn_last_line_is_dropped_with_a_warning_and_the_resumed_log_reads_clean() throws IOException {
        run("--max-turns", "2");
        Files.writeString(log(), "{\"time\":\"2026-12-05T10:00:00Z\",\"type\":\"window\",\"tu", StandardOpenOption.APPEND);

        CliRun resumed = resume("--max-turns", "10");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("warning: ").contains("torn last line");
        List<String> warnings = new ArrayList<>();
        assertThat(events(warnings)).last().isInstanceOf(SessionEvent.Stopped.class);
        assertThat(warnings).isEmpty();
    }

    @Test
    void a_session_that_is_done_has_nothing_to_resume_and_no_session_is_an_input_error() {
        assertThat(resume().exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(resume().err()).contains("no sessions to resume");

        run();
        CliRun again = resume();

        assertThat(again.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(again.err()).contains("is done (the model called finish); nothing to resume");
        assertThat(resume("no-such-id").err()).contains("no session 'no-such-id'").contains("cachet sessions");
    }

    @Test
    void flags_change_the_strategy_but_not_the_tools_array() throws IOException {
        run("--max-turns", "2");

        CliRun tools = resume("--tools", "eager");
        assertThat(tools.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tools.err().strip()).contains("--tools cannot change").endsWith("(see 'cachet resume --help')");
        CliRun resumed = resume("--strategy", "hybrid", "-P", "hybrid.keep=3", "--max-turns", "10");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("strategy hybrid");
        assertThat(events(new ArrayList<>())).filteredOn(SessionEvent.Resumed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((SessionEvent.Resumed) e).strategyParams()).containsEntry("keep", 3));
    }

    @Test
    void a_log_older_than_resume_needs_the_model_named() throws IOException {
        run("--max-turns", "2");
        List<String> lines = Files.readAllLines(log());
        ObjectNode start = (ObjectNode) Json.mapper().readTree(lines.get(0));
        start.remove("model_choice");
        lines.set(0, start.toString());
        Files.write(log(), lines);

        assertThat(resume().err()).contains("give --model");
        CliRun resumed = resume("--model", "replay:" + recording, "--max-turns", "10");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode resumeEvent = Json.mapper().readTree(Files.readAllLines(log()).stream()
                .filter(line -> line.contains("\"type\":\"resume\"")).findFirst().orElseThrow());
        assertThat(resumeEvent.at("/model_choice/spec").asText()).isEqualTo("replay:" + recording);
    }
}
