package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.ReplayCommandTest.json;
import static dev.cachet.harness.cli.ReplayCommandTest.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachet stats --what-if}: a strategy's counterfactual cost per session, as 'cachet replay' figures it. */
class StatsWhatIfTest {
    @Test
    void the_what_if_cost_and_saving_are_those_of_a_direct_replay() {
        whatIfIsDirectReplay(TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString());
    }

    @Test
    void a_log_whose_last_call_is_not_billed_yet_has_the_what_if_of_the_calls_before() {
        // The rollout's last call has no token count: replay bills the three before, and so does the what-if.
        whatIfIsDirectReplay(TraceFixtures.path(TraceFixtures.CODEX).toString());
    }

    private static void whatIfIsDirectReplay(String log) {
        CliRun stats = CliRun.of("stats", log, "--what-if", "hybrid", "--json");
        CliRun replay = CliRun.of("replay", log, "--strategies", "hybrid", "--format", "json");

        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        // The fixtures' models have no price: the what-if lends them the default's and says so, as replay does.
        assertThat(stats.err()).containsPattern("model [a-z0-9-]+ has no price; --what-if bills it, and the bill it is "
                + "set against, at anthropic:claude-sonnet-4-6's");
        List<JsonNode> runs = stream(json(replay.out()).get("runs")).toList();
        double hybrid = runs.stream().filter(r -> r.get("strategy").asText().equals("hybrid")).findFirst().orElseThrow()
                .get("cost_usd").asDouble();
        double recorded = runs.stream().filter(r -> r.get("strategy").asText().equals("recorded")).findFirst()
                .orElseThrow().get("cost_usd").asDouble();
        JsonNode whatIf = json(stats.out()).get("what_if").get(0);
        assertThat(whatIf.get("strategy").asText()).isEqualTo("hybrid");
        assertThat(whatIf.get("cost_usd").asDouble()).isCloseTo(hybrid, within(1e-9));
        assertThat(whatIf.get("recorded_usd").asDouble()).isCloseTo(recorded, within(1e-9));
        assertThat(whatIf.get("saving_usd").asDouble()).isCloseTo(recorded - hybrid, within(1e-9));

        CliRun table = CliRun.of("stats", log, "--what-if", "hybrid");
        assertThat(table.out().lines().findFirst().orElseThrow()).containsPattern("tools +hybrid +saving +flags");
        assertThat(table.out()).contains(String.format(java.util.Locale.ROOT, "$%.2f", hybrid));
    }

    @Test
    void a_call_that_several_logs_hold_is_billed_in_the_what_if_of_the_session_whose_row_counts_it(@TempDir Path dir)
            throws IOException {
        // A model the price table knows, so that each row's cost can be held against its what-if's recorded bill.
        String original = Files.readString(TraceFixtures.path(TraceFixtures.CLAUDE_CODE))
                .replace("claude-test-1", "claude-sonnet-4-6");
        Files.writeString(dir.resolve("a.jsonl"), original);
        // A resumed session's log, whose copied lines keep their session (one row with the first), and a larger one
        // whose copy was written under its own session (a row of its own): both repeat the first log's two calls.
        Files.writeString(dir.resolve("b.jsonl"), original + ReplayCommandTest.renamed(original, "2"));
        Files.writeString(dir.resolve("c.jsonl"), original.replace("\"s-1\"", "\"s-3\"")
                + ReplayCommandTest.renamed(original, "3")
                + ReplayCommandTest.renamed(original, "4").replace("\"s-4\"", "\"s-3\""));

        JsonNode report = json(CliRun.of("stats", dir.toString(), "--what-if", "hybrid", "--json").out());

        Map<String, Double> rows = new HashMap<>();
        report.get("sessions").forEach(row -> rows.put(row.get("session").asText(), row.get("cost_usd").asDouble()));
        assertThat(report.get("what_if")).hasSize(rows.size());
        report.get("what_if").forEach(whatIf -> assertThat(whatIf.get("recorded_usd").asDouble())
                .as(whatIf.get("session").asText())
                .isCloseTo(rows.get(whatIf.get("session").asText()), within(1e-9)));
        double once = json(CliRun.of("stats", dir.resolve("a.jsonl").toString(), "--json").out())
                .at("/total/cost_usd").asDouble();
        assertThat(report.at("/total/cost_usd").asDouble()).as("the first log's calls, and the resumed logs' own")
                .isCloseTo(4 * once, within(1e-9));
    }

    @Test
    void with_since_the_row_counts_the_turns_of_those_days_and_its_what_if_bills_them_in_logs_with_call_ids_and_without(@TempDir Path dir)
            throws IOException {
        // A session that goes on two days later, under new ids.
        String day1 = Files.readString(TraceFixtures.path(TraceFixtures.CLAUDE_CODE))
                .replace("claude-test-1", "claude-sonnet-4-6");
        Files.writeString(dir.resolve("a.jsonl"), day1 + ReplayCommandTest.renamed(day1, "1")
                .replace("2026-01-01T", "2026-01-03T").replace("\"s-11\"", "\"s-1\""));
        // mini-swe-agent names no call: its last call a day after the others.
        JsonNode mini = json(Files.readString(TraceFixtures.path(TraceFixtures.MINI_SWE_AGENT)));
        JsonNode last = stream(mini.get("messages")).filter(m -> m.get("role").asText().equals("assistant"))
                .reduce((a, b) -> b).orElseThrow();
        ((com.fasterxml.jackson.databind.node.ObjectNode) last.get("extra"))
                .put("timestamp", last.at("/extra/timestamp").asDouble() + 86_400);
        Files.writeString(dir.resolve("b.traj.json"), mini.toString());

        for (String log : List.of("a.jsonl", "b.traj.json")) {
            String path = dir.resolve(log).toString();
            JsonNode whole = json(CliRun.of("stats", path, "--what-if", "hybrid", "--json").out());
            CliRun since = CliRun.of("stats", path, "--what-if", "hybrid", "--json", "--timezone", "UTC",
                    "--since", log.equals("a.jsonl") ? "2026-01-02" : "2026-04-11");
            assertThat(since.exitCode()).as(since.err()).isZero();
            JsonNode later = json(since.out());

            double cost = later.at("/sessions/0/cost_usd").asDouble();
            assertThat(cost).as(log).isGreaterThan(0).isLessThan(whole.at("/sessions/0/cost_usd").asDouble());
            assertThat(later.at("/what_if/0/recorded_usd").asDouble()).as(log).isCloseTo(cost, within(1e-9));
            assertThat(later.at("/what_if/0/cost_usd").asDouble()).as(log)
                    .isLessThan(whole.at("/what_if/0/cost_usd").asDouble());
            assertThat(later.at("/sessions/0/turns").asInt()).as("%s: the turns of those days", log)
                    .isEqualTo(later.at("/sessions/0/calls").asInt())
                    .isLessThan(whole.at("/sessions/0/turns").asInt());
        }
    }

    @Test
    void a_session_whose_own_calls_fall_outside_the_days_asked_counts_none_as_turns(@TempDir Path dir)
            throws IOException {
        // Its sub-agents' lines a day after its own.
        List<String> lines = Files.readAllLines(Path.of("../evals/src/test/resources/traces/claude-code/sidechains.jsonl"));
        Path log = Files.write(dir.resolve("s.jsonl"), lines.stream().map(line -> line.contains("\"isSidechain\":true")
                ? line.replace("2026-03-01T", "2026-03-02T") : line).toList());

        JsonNode later = json(CliRun.of("stats", log.toString(), "--json", "--timezone", "UTC", "--since", "2026-03-02")
                .out()).at("/sessions/0");

        assertThat(later.get("calls").asInt()).as("the sub-agents' calls").isEqualTo(3);
        assertThat(later.get("turns").asInt()).isZero();
    }

    @Test
    void a_log_the_cache_summarised_that_cannot_be_read_now_says_it_has_no_what_if(@TempDir Path dir)
            throws IOException {
        Path home = dir.resolve("home");
        Path log = Files.copy(TraceFixtures.path(TraceFixtures.CLAUDE_CODE), dir.resolve("a.jsonl"));
        assertThat(CliRun.withEnvironment(Map.of("HOME", home.toString()), "stats", log.toString()).exitCode()).isZero();
        // Bytes of the same length and time, which the cache takes for the log it summarised.
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(log);
        Files.writeString(log, "x".repeat((int) Files.size(log)));
        Files.setLastModifiedTime(log, written);

        CliRun run = CliRun.withEnvironment(Map.of("HOME", home.toString()), "stats", log.toString(), "--what-if",
                "hybrid");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains("skipped " + log + ": no what-if: ");
        assertThat(run.out()).contains("a.jsonl");
    }

    @Test
    void without_what_if_the_json_has_no_what_if_and_an_unknown_strategy_is_named() {
        String log = TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString();

        assertThat(json(CliRun.of("stats", log, "--json").out()).has("what_if")).isFalse();
        CliRun unknown = CliRun.of("stats", log, "--what-if", "magic");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(unknown.err()).contains("magic");
    }
}
