package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.Recording.call;
import static dev.cachet.harness.cli.Recording.command;
import static dev.cachet.harness.cli.Recording.finish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.harness.resume.SessionFiles;
import dev.cachet.providers.session.LoggedEvent;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionLogReader;
import dev.cachet.providers.session.StopReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs real `cachet run` processes at seeded random moments (waiting for the model, running a command, writing
 * the log) and resumes each session, killing it again now and then, until it finishes: every session finishes, no
 * command with side effects runs twice, and every log reads back whole.
 */
class KillAndResumeTest {
    private static final long SEED = 20261205L;
    private static final int KILLS = 20;
    private static final int KILLS_PER_SESSION = 4;
    private static final long LONGEST_KILL_DELAY_MS = 2_000;
    private static final String MODEL = "openai-compatible:gpt-5";

    @TempDir
    Path dir;

    /** The environment of the cachet processes this test starts: their HOME and state and config directories. */
    private Map<String, String> user() {
        return CachetProcess.environment(dir);
    }

    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Each command with an effect appends a line to its own counter beside the workspace. */
    private final ScriptedOpenAi model = new ScriptedOpenAi(Duration.ofMillis(100),
            command("c1", "sleep 0.2; echo ran >> ../counters/c1"),
            call("c2", "write_file", "{\"path\":\"notes.txt\",\"content\":\"alpha\\n\"}"),
            call("c3", "read_file", "{\"path\":\"notes.txt\"}"),
            command("c4", "echo ran >> ../counters/c4; sleep 0.2"),
            call("c5", "edit_file", "{\"path\":\"notes.txt\",\"old_string\":\"alpha\",\"new_string\":\"beta\"}"),
            command("c6", "sleep 0.2; echo ran >> ../counters/c6"),
            call("c7", "git_status", "{}"),
            finish("c8"));

    @Test
    void sessions_killed_at_random_moments_resume_to_the_end_without_running_a_command_twice() throws Exception {
        server.setDispatcher(model);
        Random random = new Random(SEED);
        int kills = 0;
        int resumes = 0;
        Map<String, Integer> lost = new TreeMap<>();
        int twice = 0;
        List<StopReason> ends = new ArrayList<>();
        for (int n = 1; kills < KILLS; n++) {
            Path session = Files.createDirectories(dir.resolve("s" + n));
            Path workspace = Files.createDirectories(session.resolve("ws"));
            Files.createDirectories(session.resolve("counters"));
            CachetProcess cachet = CachetProcess.start(dir, "run", "-w", workspace.toString(), "--sandbox", "full",
                    "--model", MODEL, "--base-url", server.url("/v1").toString(), "do the eight steps");
            for (int killed = 1; ; killed++) {
                assertThat(cachet.nextLine()).as("cachet's first line; stderr: %s", cachet.err()).isNotNull();
                if (cachet.endsWithin(random.nextLong(LONGEST_KILL_DELAY_MS))) {
                    assertThat(cachet.exitCode()).as(cachet.out() + cachet.err()).isZero();
                    break;
                }
                cachet.kill();
                kills++;
                lostAtKill(log(workspace)).ifPresent(kind -> lost.merge(kind, 1, Integer::sum));
                if (finishedBeforeTheKill(log(workspace))) {
                    break;
                }
                resumes++;
                if (killed == KILLS_PER_SESSION) {
                    // The last resume runs in this process, which saves starting a JVM only to let it finish.
                    CliRun last = CliRun.withEnvironment(user(), "resume", "-w", workspace.toString(), "--sandbox", "full");
                    assertThat(last.exitCode()).as(last.out() + last.err()).isZero();
                    break;
                }
                cachet = CachetProcess.start(dir, "resume", "-w", workspace.toString(), "--sandbox", "full");
            }
            twice += runsTwice(log(workspace), session.resolve("counters"));
            ends.add(end(log(workspace)));
        }
        long done = ends.stream().filter(StopReason.DONE::equals).count();
        int lostEvents = lost.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("kill and resume: %d kills, %d resumes, %d of %d sessions finished, %.2f events lost per "
                + "kill %s, %d side effects run twice%n", kills, resumes, done, ends.size(), (double) lostEvents / kills,
                lost, twice);
        assertThat(ends).containsOnly(StopReason.DONE);
        assertThat(twice).isZero();
    }

    /** Commands whose counter says they ran more than once, and calls with more than one result in the log. */
    private static int runsTwice(Path log, Path counters) throws IOException {
        int twice = 0;
        for (String counter : List.of("c1", "c4", "c6")) {
            Path file = counters.resolve(counter);
            twice += Files.exists(file) && Files.readAllLines(file, StandardCharsets.UTF_8).size() > 1 ? 1 : 0;
        }
        Map<String, Integer> results = new HashMap<>();
        for (SessionEvent event : events(log)) {
            if (event instanceof SessionEvent.ToolReturned returned) {
                results.merge(returned.result().callId(), 1, Integer::sum);
            }
        }
        return twice + (int) results.values().stream().filter(count -> count > 1).count();
    }

    /** How the session ended, once its log reads back whole and replays. */
    private StopReason end(Path log) throws IOException {
        CliRun replay = CliRun.withEnvironment(user(), "replay", log.toString(), "--strategies", "transcript");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(events(log)).as("each resume rebuilt the windows the session had sent")
                .noneMatch(e -> e instanceof SessionEvent.Warned warned && warned.message().contains("differently than logged"));
        SessionEvent last = events(log).get(events(log).size() - 1);
        assertThat(last).as("the last event of " + log).isInstanceOf(SessionEvent.Stopped.class);
        return ((SessionEvent.Stopped) last).reason();
    }

    private static List<SessionEvent> events(Path log) {
        List<String> warnings = new ArrayList<>();
        List<SessionEvent> events = new SessionLogReader(warnings::add).read(log).stream().map(LoggedEvent::event).toList();
        assertThat(warnings).as("warnings reading " + log).isEmpty();
        return events;
    }

    /**
     * What a kill cost the log, if anything: an event cut mid-line, the model's answer in flight, or the result of a
     * tool call under way. Each is one event lost; at most one is lost per kill.
     */
    private static Optional<String> lostAtKill(Path log) throws IOException {
        List<String> torn = new ArrayList<>();
        List<LoggedEvent> events = new SessionLogReader(torn::add).read(log);
        SessionEvent last = events.get(events.size() - 1).event();
        if (!torn.isEmpty()) {
            return Optional.of("torn line");
        }
        if (last instanceof SessionEvent.WindowRendered || last instanceof SessionEvent.CachePredicted) {
            return Optional.of("model answer");
        }
        return last instanceof SessionEvent.ToolCalled ? Optional.of("tool result") : Optional.empty();
    }

    /** Killed after it logged its stop: there is nothing left to resume. */
    private static boolean finishedBeforeTheKill(Path log) {
        List<SessionEvent> events = events(log);
        return events.get(events.size() - 1) instanceof SessionEvent.Stopped stop && stop.reason() == StopReason.DONE;
    }

    private Path log(Path workspace) {
        return SessionFiles.of(CliRun.sessionLogs(user()), workspace).all().get(0);
    }
}
