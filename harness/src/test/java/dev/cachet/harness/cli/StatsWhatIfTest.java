package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.ReplayCommandTest.json;
import static dev.cachet.harness.cli.ReplayCommandTest.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    void without_what_if_the_json_has_no_what_if_and_an_unknown_strategy_is_named() {
        String log = TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString();

        assertThat(json(CliRun.of("stats", log, "--json").out()).has("what_if")).isFalse();
        CliRun unknown = CliRun.of("stats", log, "--what-if", "magic");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(unknown.err()).contains("magic");
    }
}
