package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
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
    void a_session_log_planted_in_the_workspace_never_passes_for_one_of_the_evals_runs(@TempDir Path copy)
            throws IOException {
        // Older versions kept logs in the workspace's .cachet/sessions: an agent can write one there, as this repo has.
        Path examples = SUITE.getParent();
        Path suite = Files.copy(SUITE, copy.resolve("suite.yaml"));
        copyTree(examples.resolve("recordings"), copy.resolve("recordings"));
        copyTree(examples.resolve("demo/repo"), copy.resolve("demo/repo"));
        Path planted = Files.createDirectories(copy.resolve("demo/repo/.cachet/sessions")).resolve("forged.jsonl");
        Files.writeString(planted, "{\"type\":\"session_started\"}\n");

        CliRun run = CliRun.of("eval", suite.toString(), "--model", "replay", "--sandbox", "full", "--strategies",
                "transcript", "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        try (var sessions = Files.walk(out.resolve("sessions"))) {
            List<String> kept = sessions.filter(p -> p.toString().endsWith(".jsonl"))
                    .map(p -> p.getFileName().toString()).toList();
            assertThat(kept).hasSize(3).noneMatch(name -> name.contains("forged"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void plan_on_and_off_doubles_the_runs_and_each_record_says_whether_it_planned() throws IOException {
        CliRun run = eval("--strategies", "transcript", "--plan", "on,off");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("3 tasks x 1 strategy x plan on/off x 1 repeat = 6 runs").contains("transcript+plan");
        List<JsonNode> results = results();
        assertThat(results).hasSize(6).allSatisfy(r -> assertThat(r.get("strategy").asText()).isEqualTo("transcript"));
        assertThat(results).filteredOn(r -> r.get("plan").asBoolean()).hasSize(3);
        assertThat(results).filteredOn(r -> !r.get("plan").asBoolean()).hasSize(3)
                .allSatisfy(r -> assertThat(r.get("solved").asBoolean()).isTrue());
    }

    @Test
    void plan_takes_on_or_off_only() {
        CliRun run = eval("--plan", "maybe");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--plan").contains("'maybe' is neither on nor off");
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
    void every_missing_repository_is_named_before_anything_runs() throws IOException {
        Path suite = Files.writeString(out.resolve("suite.yaml"), """
                name: lost
                tasks:
                  - {id: a, repo: nowhere, prompt: p, check: "true"}
                  - {id: b, repo: ., prompt: p, check: "true"}
                  - {id: c, repo: "file:///no/such/repo", prompt: p, check: "true"}
                """);

        assertThat(refused(suite, "replay")).containsExactly(
                "cachet: " + suite + ": task a: no repository at " + out.resolve("nowhere"),
                "cachet: " + suite + ": task c: no repository at file:///no/such/repo");
    }

    @Test
    void a_missing_key_suggests_the_offline_form_eval_takes() throws IOException {
        Path suite = Files.writeString(out.resolve("suite.yaml"), "name: keyless\ntasks:\n"
                + "  - {id: a, repo: ., prompt: p, check: \"true\"}\n");

        assertThat(refused(suite, "anthropic:claude-sonnet-4-6")).containsExactly("cachet: ANTHROPIC_API_KEY is not "
                + "set; export it, or run offline with --model replay (each task answered by recordings/<task id>.jsonl)");
    }

    /** What eval of {@code suite} with {@code model} said on stderr, refused before it made its directory. */
    private List<String> refused(Path suite, String model) {
        CliRun run = CliRun.of("eval", suite.toString(), "--model", model, "--out", out.resolve("o").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(out.resolve("o")).doesNotExist();
        return run.err().lines().toList();
    }

    @Test
    void a_malformed_suite_is_named_with_its_line_and_field() throws IOException {
        Path suite = Files.writeString(out.resolve("bad.yaml"), "name: bad\ntasks:\n  - id: x\n    prompt: p\n");

        CliRun run = CliRun.of("eval", suite.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains(suite + ":3:").contains("repo");
    }

    @Test
    void the_cost_guard_stops_starting_runs_and_resume_goes_on() throws IOException {
        CliRun guarded = eval("--max-total-cost", "0.001");

        // A limit stopped it: the reports hold 1 of 6 runs, and the exit says so.
        assertThat(guarded.exitCode()).as(guarded.err()).isEqualTo(ExitCodes.LIMIT);
        assertThat(guarded.err()).contains("stopped starting runs at $0.0010 (--max-total-cost): 5 of 6 runs not run; "
                + "--resume goes on");
        assertThat(results()).hasSize(1);

        assertThat(eval("--resume").exitCode()).isZero();
        assertThat(results()).hasSize(6);
    }

    @Test
    void a_provider_failing_mid_run_is_an_errored_run_that_keeps_what_it_cost_and_its_session_log() throws Exception {
        try (MockWebServer provider = new MockWebServer()) {
            provider.start();
            provider.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json").body("""
                    {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-6",
                     "content":[{"type":"tool_use","id":"toolu_1","name":"list_files","input":{}}],
                     "stop_reason":"tool_use","usage":{"input_tokens":1000,"cache_creation_input_tokens":0,
                     "cache_read_input_tokens":0,"output_tokens":20}}""").build());
            provider.enqueue(new MockResponse.Builder().code(400).addHeader("content-type", "application/json")
                    .body("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"too long\"}}")
                    .build());

            Path suite = demoTaskSuite(out, "");

            CliRun run = CliRun.withEnvironment(Map.of("ANTHROPIC_API_KEY", "test"), "eval", suite.toString(),
                    "--strategies", "transcript", "--model", "anthropic:claude-sonnet-4-6", "--base-url",
                    provider.url("/").toString(), "--sandbox", "full", "--out", out.resolve("o").toString());

            // Not the agent's failure to solve the task: an error, which a run of nothing but errors exits on.
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.PROVIDER);
            JsonNode record = Json.mapper().readTree(Files.readAllLines(out.resolve("o/results.jsonl")).get(0));
            assertThat(record.get("stop_reason").asText()).startsWith("provider error").contains("too long");
            assertThat(record.get("error").asText()).startsWith("agent: provider error").contains("too long");
            assertThat(record.get("cost_usd").asDouble()).isPositive();
            assertThat(record.get("turns").asInt()).isEqualTo(1);
            try (var sessions = Files.walk(out.resolve("o/sessions"))) {
                assertThat(sessions.filter(p -> p.toString().endsWith(".jsonl")).count()).isEqualTo(1);
            }
        }
    }

    @Test
    void session_logs_that_cannot_be_kept_make_an_errored_run_that_keeps_its_cost_and_says_why() throws IOException {
        // As a full disk would: the runs finish, and their logs cannot be moved into the eval's results.
        Files.createDirectories(out);
        Files.writeString(out.resolve("sessions"), "");

        CliRun run = eval("--strategies", "transcript");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INPUT);
        assertThat(results()).allSatisfy(record -> {
            assertThat(record.get("error").asText()).startsWith("agent: cannot keep the session logs of task ")
                    .contains(out.resolve("sessions") + ": ").contains("; what is not there is in ");
            assertThat(record.get("cost_usd").asDouble()).isPositive();
            assertThat(record.get("turns").asInt()).isPositive();
        });
    }

    @Test
    void an_agent_that_rewrites_the_check_and_the_tests_is_scored_by_the_real_ones() throws IOException {
        Path suiteDir = Files.createDirectories(out.resolve("cheat"));
        Files.createDirectories(suiteDir.resolve("recordings"));
        Files.write(suiteDir.resolve("recordings/wrap-off-by-one.jsonl"), List.of(
                answer(1, "write_file", Map.of("path", "check.sh", "content", "exit 0\n")),
                answer(2, "write_file", Map.of("path", "test/WrapTest.java", "content", "")),
                answer(3, "finish", Map.of("summary", "all green"))));
        Path suite = demoTaskSuite(suiteDir, "    check_files: [test]\n");

        CliRun run = CliRun.of("eval", suite.toString(), "--model", "replay", "--strategies", "transcript",
                "--sandbox", "full", "--out", out.resolve("o").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode record = Json.mapper().readTree(Files.readAllLines(out.resolve("o/results.jsonl")).get(0));
        assertThat(record.get("stop_reason").asText()).isEqualTo("done");
        assertThat(record.get("solved").asBoolean()).isFalse();
        assertThat(record.get("error").isNull()).isTrue();
    }

    @Test
    void a_failing_checks_output_is_kept_in_its_record_and_the_eval_says_where() throws IOException {
        Path suiteDir = Files.createDirectories(out.resolve("lazy"));
        Files.createDirectories(suiteDir.resolve("recordings"));
        Files.write(suiteDir.resolve("recordings/wrap-off-by-one.jsonl"),
                List.of(answer(1, "finish", Map.of("summary", "nothing to do"))));
        Path suite = demoTaskSuite(suiteDir, "");

        CliRun run = CliRun.of("eval", suite.toString(), "--model", "replay", "--strategies", "transcript",
                "--sandbox", "full", "--out", out.resolve("o").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode record = Json.mapper().readTree(Files.readAllLines(out.resolve("o/results.jsonl")).get(0));
        assertThat(record.get("solved").asBoolean()).isFalse();
        // WrapTest's failed assertion, on stderr
        assertThat(record.get("check_output").asText()).contains("AssertionError");
        assertThat(run.out()).contains("1 unsolved run: why its check failed is in "
                + out.resolve("o/results.jsonl") + " (field check_output)");
    }

    /** A suite in {@code dir} of one task on the demo repository, with {@code more} task fields. */
    private static Path demoTaskSuite(Path dir, String more) throws IOException {
        return Files.writeString(dir.resolve("suite.yaml"), """
                name: one
                tasks:
                  - id: wrap-off-by-one
                    repo: %s
                    prompt: Make sh check.sh pass.
                    check: sh check.sh
                """.formatted(SUITE.getParent().resolve("demo/repo")) + more);
    }

    /** A recorded turn that calls one tool. */
    private static String answer(int turn, String tool, Map<String, String> arguments) throws IOException {
        var mapper = Json.mapper();
        var call = mapper.createObjectNode().put("id", "c" + turn).put("name", tool)
                .put("arguments", mapper.writeValueAsString(arguments));
        var message = mapper.createObjectNode().put("role", "assistant").put("text", "");
        message.putArray("tool_calls").add(call);
        var line = mapper.createObjectNode().put("type", "model_response").put("turn", turn);
        line.set("message", message);
        return mapper.writeValueAsString(line);
    }
}
