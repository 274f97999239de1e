package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.Recording.command;
import static dev.cachet.harness.cli.Recording.finish;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during `cachet eval`: the run under way stops, its workspace goes, its log is kept marked interrupted (and
 * out of the user's own logs), no result is recorded for it, --resume runs it again, and replay leaves its log out.
 */
class EvalInterruptTest {
    @TempDir
    Path dir;

    @Test
    void ctrl_c_stops_the_run_under_way_cleans_up_and_resume_and_replay_count_only_finished_runs() throws Exception {
        Path ready = dir.resolve("ready");
        new ProcessBuilder("mkfifo", ready.toString()).start().waitFor();
        Path suite = suite("[ -e " + dir.resolve("ran-once") + " ] || { touch " + dir.resolve("ran-once")
                + "; echo running > " + ready + "; exec sleep 3517; }");
        Path out = dir.resolve("out");
        List<String> eval = List.of("eval", suite.toString(), "--model", "replay", "--strategies", "transcript",
                "--sandbox", "full", "--out", out.toString());
        CachetProcess cachet = CachetProcess.start(dir, eval.toArray(String[]::new));

        Files.readString(ready); // the agent's command runs
        cachet.signal("INT");

        assertThat(cachet.exitCode()).as(cachet.err()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(cachet.err()).contains("cachet: stopping the eval (Ctrl-C)")
                .contains("cachet: eval stopped by Ctrl-C: 1 run under way was not recorded; --resume runs it");
        assertThat(out.resolve("workspaces")).isEmptyDirectory();
        assertThat(Files.readAllLines(out.resolve("results.jsonl"))).isEmpty();
        assertThat(files(out.resolve("sessions"))).singleElement()
                .satisfies(log -> assertThat(log.getFileName().toString()).endsWith(".interrupted.jsonl"));
        Map<String, String> user = CachetProcess.environment(dir);
        assertThat(files(CliRun.sessionLogs(user).root())).as("logs left among the user's own").isEmpty();

        CliRun resumed = CliRun.withEnvironment(user, append(eval, "--resume"));

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("results.jsonl"))).singleElement().asString().contains("\"solved\":true");

        CliRun replay = CliRun.withEnvironment(user, "replay", out.resolve("sessions").toString(), "--strategies", "transcript");

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.err()).containsOnlyOnce("skipped an interrupted eval run (not a finished run): ");
        assertThat(replay.out()).containsPattern("(?m)^transcript +1 ");
    }

    private Path suite(String command) throws Exception {
        Files.createDirectories(dir.resolve("repo"));
        Files.writeString(dir.resolve("repo/README"), "a repository\n");
        Files.createDirectories(dir.resolve("recordings"));
        Recording.write(dir.resolve("recordings/wait.jsonl"), command("c1", command), finish("c2"));
        return Files.writeString(dir.resolve("suite.yaml"), """
                name: waiting
                tasks:
                  - id: wait
                    repo: repo
                    prompt: Wait for it.
                    check: "true"
                """);
    }

    private static List<Path> files(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static String[] append(List<String> args, String more) {
        return Stream.concat(args.stream(), Stream.of(more)).toArray(String[]::new);
    }
}
