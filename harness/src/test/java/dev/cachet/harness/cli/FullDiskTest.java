package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.Recording.call;
import static dev.cachet.harness.cli.Recording.finish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.Json;
import dev.cachet.harness.resume.SessionFiles;
import dev.cachet.providers.session.LoggedEvent;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionLogReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session whose log cannot grow, as on a full disk: a real `cachet run` whose files may not pass 128 KB
 * ({@code ulimit -f}), answered with a 300 KB file to write, so the answer cannot be logged.
 */
class FullDiskTest {
    @TempDir
    Path dir;

    /** The environment of the cachet processes this test starts: their HOME and state and config directories. */
    private Map<String, String> user() {
        return CachetProcess.environment(dir);
    }

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void stops_with_one_line_exit_2_and_a_log_that_ends_with_a_whole_event_and_resumes() throws Exception {
        String big = "0123456789abcdef\n".repeat(300_000 / 17);
        server.setDispatcher(new ScriptedOpenAi(Duration.ZERO,
                call("c1", "write_file", Json.mapper().createObjectNode().put("path", "big.txt").put("content", big).toString()),
                finish("c2")));
        Path workspace = Files.createDirectories(dir.resolve("ws"));

        // 256 blocks of 512 bytes: dash's unit for ulimit -f.
        CachetProcess cachet = CachetProcess.start(dir, List.of("sh", "-c", "ulimit -f 256; exec \"$0\" \"$@\""),
                "run", "-w", workspace.toString(), "--sandbox", "full", "--model", "openai-compatible:gpt-5",
                "--base-url", server.url("/v1").toString(), "write a big file");

        assertThat(cachet.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(cachet.err().lines()).singleElement().asString()
                .startsWith("cachet: cannot write session log ").contains("File too large").endsWith("the session stops here");
        List<SessionEvent> events = wholeEvents(workspace);
        assertThat(events).last().isInstanceOf(SessionEvent.CachePredicted.class);

        CliRun resumed = CliRun.withEnvironment(user(), "resume", "-w", workspace.toString(), "--sandbox", "full");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Files.readString(workspace.resolve("big.txt"))).isEqualTo(big);
    }

    @Test
    void a_chat_whose_log_cannot_grow_ends_with_one_line_and_exit_2_keeping_a_log_of_whole_events() throws Exception {
        String big = "0123456789abcdef\n".repeat(300_000 / 17);
        server.setDispatcher(new ScriptedOpenAi(Duration.ZERO,
                call("c1", "write_file", Json.mapper().createObjectNode().put("path", "big.txt").put("content", big).toString()),
                finish("c2")));
        Path workspace = Files.createDirectories(dir.resolve("ws"));

        // A chat needs a terminal: script gives it one, and passes on its exit code (-e). Paths here have no spaces.
        CachetProcess cachet = CachetProcess.start(dir, List.of("sh", "-c",
                "ulimit -f 256; exec script -qefc \"$*\" /dev/null", "chat"),
                "chat", "-w", workspace.toString(), "--sandbox", "full", "--model", "openai-compatible:gpt-5",
                "--base-url", server.url("/v1").toString());
        // Typed before the prompt, JLine's start would take it for a terminal's answer to its queries.
        for (String line = cachet.nextLine(); line != null && !line.contains("cachet chat in"); line = cachet.nextLine()) {
            // the terminal's set-up
        }
        cachet.type("write a big file");

        boolean ended = cachet.endsWithin(Duration.ofMinutes(1).toMillis());
        if (!ended) {
            cachet.kill();
            cachet.exitCode(); // for what it printed
        }
        assertThat(ended).as("the chat ends by itself: " + cachet.out()).isTrue();
        assertThat(cachet.exitCode()).as(cachet.out()).isEqualTo(ExitCodes.INPUT);
        // On a terminal stderr and stdout are one: the reason is its last line.
        assertThat(cachet.out().strip().lines().reduce((first, second) -> second).orElseThrow())
                .startsWith("cachet: cannot write session log ").contains("File too large").endsWith("the session stops here");
        List<SessionEvent> events = wholeEvents(workspace);
        assertThat(events).first().isInstanceOf(SessionEvent.Started.class);
    }

    /** The events of {@code workspace}'s one session log, which must end with a whole line and read without warning. */
    private List<SessionEvent> wholeEvents(Path workspace) throws Exception {
        Path log = SessionFiles.of(CliRun.sessionLogs(user()), workspace).all().get(0);
        byte[] bytes = Files.readAllBytes(log);
        assertThat(bytes[bytes.length - 1]).as("the log ends with a whole line").isEqualTo((byte) '\n');
        List<String> warnings = new ArrayList<>();
        List<SessionEvent> events = new SessionLogReader(warnings::add).read(log).stream().map(LoggedEvent::event).toList();
        assertThat(warnings).isEmpty();
        return events;
    }
}
