package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.ReplayCommandTest.json;
import static dev.cachet.harness.cli.ReplayCommandTest.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code stats} says was paid for the corpus is what {@code replay}'s recorded rows bill: the two read every log
 * their own way (a streaming reader beside the importers), and a call one of them counts twice, or not at all, or at
 * other counts, shows here as a difference over real logs of every format.
 */
class StatsAndReplayAgreeTest {
    private static final List<String> KINDS = List.of("input_tokens", "cache_write_tokens", "cache_read_tokens",
            "output_tokens");

    @Test
    void the_bill_stats_reads_is_the_bill_replay_reads_over_the_whole_corpus() {
        String corpus = Corpus.dir().toString();
        CliRun stats = CliRun.of("stats", corpus, "--format", "json", "--no-cache");
        CliRun replay = CliRun.of("replay", corpus, "--format", "json", "--strategies", "transcript");

        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        JsonNode paid = json(stats.out()).get("total");
        List<JsonNode> recorded = stream(json(replay.out()).get("runs"))
                .filter(run -> run.get("strategy").asText().equals("recorded")).toList();
        assertThat(recorded).hasSizeGreaterThan(10);
        for (String kind : KINDS) {
            assertThat(recorded.stream().mapToLong(run -> run.get(kind).asLong()).sum()).as(kind)
                    .isEqualTo(paid.get(kind).asLong());
        }
        assertThat(recorded.stream().mapToDouble(run -> run.get("cost_usd").asDouble()).sum())
                .isCloseTo(paid.get("cost_usd").asDouble(), within(1e-9));
    }
}
