package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.ReplayCommandTest.json;
import static dev.cachet.harness.cli.ReplayCommandTest.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachet stats --what-if}: a strategy's counterfactual cost per session, as 'cachet replay' figures it. */
class StatsWhatIfTest {
    @Test
    void the_what_if_cost_and_saving_are_those_of_a_direct_replay() {
        String log = TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString();
        CliRun stats = CliRun.of("stats", log, "--what-if", "hybrid", "--json");
        CliRun replay = CliRun.of("replay", log, "--strategies", "hybrid", "--format", "json");

        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(replay.exitCode()).as(replay.err()).isZero();
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
    void a_resumed_sessions_log_beside_the_one_it_resumed_bills_their_shared_calls_once(@TempDir Path dir)
            throws IOException {
        String original = Files.readString(TraceFixtures.path(TraceFixtures.CLAUDE_CODE));
        Files.writeString(dir.resolve("a.jsonl"), original);
        Path resumed = Files.writeString(dir.resolve("b.jsonl"), original + ReplayCommandTest.renamed(original, "2"));

        JsonNode both = json(CliRun.of("stats", dir.toString(), "--what-if", "hybrid", "--json").out());
        JsonNode alone = json(CliRun.of("stats", resumed.toString(), "--what-if", "hybrid", "--json").out());

        assertThat(both.get("what_if")).hasSize(1);
        for (String figure : List.of("cost_usd", "recorded_usd")) {
            assertThat(both.get("what_if").get(0).get(figure).asDouble()).as(figure)
                    .isCloseTo(alone.get("what_if").get(0).get(figure).asDouble(), within(1e-9));
        }
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
