package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cachet eval` on the bundled example suite: recorded answers, real workspaces, real tools and real checks. */
class EvalCommandTest {
    private static final Path SUITE = Path.of("../examples/suite.yaml").toAbsolutePath().normalize();

    @TempDir
    Path out;

    private CliRun eval(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("eval", SUITE.toString(), "--model", "replay",
                "--sandbox", "full", "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private List<JsonNode> results() throws IOException {
        return Files.readAllLines(out.resolve("results.jsonl")).stream().map(line -> {
            try {
                return Json.mapper().readTree(line);
            } catch (IOException e) {
                throw new AssertionError(line, e);
            }
        }).toList();
    }

    @Test
    void the_example_suite_solves_every_task_under_each_strategy_and_writes_its_reports() throws IOException {
        CliRun run = eval("--jobs", "2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<JsonNode> results = results();
        assertThat(results).hasSize(6).allSatisfy(r -> {
            assertThat(r.get("solved").asBoolean()).as(r.toString()).isTrue();
            assertThat(r.get("cost_usd").asDouble()).isPositive();
            assertThat(r.get("error").isNull()).isTrue();
        });
        assertThat(results.stream().map(r -> r.get("task").asText() + "/" + r.get("strategy").asText()).collect(Collectors.toSet()))
                .hasSize(6);
        assertThat(run.out()).contains("| wrap-off-by-one |", "| center-lines", "| rename-wrap", "transcript", "hybrid");
        assertThat(out.resolve("report.html")).exists();
        assertThat(out.resolve("report.json")).exists();
        try (var sessions = Files.walk(out.resolve("sessions"))) {
            assertThat(sessions.filter(p -> p.toString().endsWith(".jsonl")).count()).isEqualTo(6);
        }
        assertThat(run.err()).contains("6/6");
    }

    @Test
    void resume_runs_only_what_is_missing_and_an_existing_eval_is_never_overwritten() throws IOException {
        assertThat(eval("--strategies", "transcript").exitCode()).isZero();
        List<String> first = Files.readAllLines(out.resolve("results.jsonl"));

        CliRun again = eval("--strategies", "transcript");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(again.err()).contains("--resume");
        assertThat(Files.readAllLines(out.resolve("results.jsonl"))).isEqualTo(first);

        CliRun resumed = eval("--strategies", "transcript,hybrid", "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        List<String> after = Files.readAllLines(out.resolve("results.jsonl"));
        assertThat(after).hasSize(6).startsWith(first.toArray(String[]::new));
        Set<String> keys = results().stream().map(r -> r.get("task").asText() + "/" + r.get("strategy").asText())
                .collect(Collectors.toSet());
        assertThat(keys).hasSize(6);
    }

    @Test
    void replay_without_a_recording_for_every_task_is_refused_before_anything_runs() throws IOException {
        Path suite = Files.writeString(out.resolve("suite.yaml"), """
                name: lonely
                tasks:
                  - id: no-recording
                    repo: .
                    prompt: do it
                    check: "true"
                """);

        CliRun run = CliRun.of("eval", suite.toString(), "--model", "replay", "--out", out.resolve("o").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains("missing: no-recording.jsonl");
        assertThat(out.resolve("o")).doesNotExist();
    }

    @Test
    void a_malformed_suite_is_named_with_its_line_and_field() throws IOException {
        Path suite = Files.writeString(out.resolve("bad.yaml"), "name: bad\ntasks:\n  - id: x\n    prompt: p\n");

        CliRun run = CliRun.of("eval", suite.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains(suite + ":3:").contains("repo");
    }
}
