package dev.cachet.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;
import dev.cachet.context.TokenCounter;
import dev.cachet.evals.trace.FileHead;
import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.evals.trace.TraceFormat;
import dev.cachet.evals.trace.TraceSummaries;
import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The made-up logs are read whole, as 'cachet stats' reads them (its streaming readers, which would give a line they
 * do not expect up to the importer, slower) and as 'cachet replay' does (the importer), and have the shapes of real
 * ones: a compaction near Claude's window, a sub-agent of several turns, Codex's running totals.
 */
class SyntheticLogsReadTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();

    @Test
    void stats_and_replay_read_every_call_of_every_shape(@TempDir Path dir) throws IOException {
        long calls = new SyntheticLogs(19).write(dir.resolve("logs"), 6 << 20);
        TraceFiles.Found found = TraceFiles.expand(List.of(dir.resolve("logs")));
        TraceSummaries stats = new TraceSummaries(COUNTER);

        long summarised = 0;
        long imported = 0;
        int compactions = 0;
        int codexCompactions = 0;
        int subAgentTurns = 0;
        for (Path file : found.files()) {
            TraceFormat format = found.format(file);
            for (TraceSummary summary : stats.read(file, new StreamingOnly(format)).summaries()) {
                summarised += summary.turns().stream().filter(turn -> turn.usage().isPresent()).count();
            }
            for (Trajectory trajectory : format.read(file)) {
                List<TrajectoryTurn> turns = trajectory.turns();
                imported += turns.stream().filter(turn -> turn.usage().isPresent()).count();
                for (int i = 1; i < turns.size(); i++) {
                    if (turns.get(i).contextRestart()) {
                        compactions++;
                        codexCompactions += trajectory.format().equals("codex") ? 1 : 0;
                        assertThat(turns.get(i).usage().orElseThrow().cacheRead())
                                .isLessThan(turns.get(i - 1).usage().orElseThrow().cacheRead() / 4);
                    }
                }
                if (turns.stream().allMatch(turn -> turn.agent().equals("Explore"))) {
                    subAgentTurns = Math.max(subAgentTurns, turns.size());
                }
            }
        }
        assertThat(found.skipped()).isZero();
        assertThat(found.unlisted()).isEmpty();
        assertThat(summarised).isEqualTo(calls);
        assertThat(imported).isEqualTo(calls);
        assertThat(compactions).isGreaterThan(codexCompactions);
        assertThat(codexCompactions).isPositive();
        assertThat(subAgentTurns).isGreaterThanOrEqualTo(3);
    }

    /** Codex's total_token_usage adds every call up, so that a log without last_token_usage bills each call alike. */
    @Test
    void codex_totals_give_back_each_calls_usage(@TempDir Path dir) throws IOException {
        new SyntheticLogs(19).write(dir.resolve("logs"), 200_000);
        TraceFiles.Found found = TraceFiles.expand(List.of(dir.resolve("logs")));
        TraceSummaries stats = new TraceSummaries(COUNTER);

        int rollouts = 0;
        for (Path file : found.files()) {
            if (!file.toString().contains("/codex/")) {
                continue;
            }
            rollouts++;
            List<String> totalsAlone = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                ObjectNode json = (ObjectNode) Json.mapper().readTree(line);
                if (json.path("payload").path("info") instanceof ObjectNode info) {
                    info.remove("last_token_usage");
                }
                totalsAlone.add(json.toString());
            }
            Path copy = Files.write(dir.resolve(file.getFileName()), totalsAlone);

            assertThat(usages(stats.read(copy, found.format(file)).summaries()))
                    .isEqualTo(usages(stats.read(file, found.format(file)).summaries())).isNotEmpty();
        }
        assertThat(rollouts).isPositive();
    }

    private static List<Object> usages(List<TraceSummary> summaries) {
        return summaries.stream().flatMap(summary -> summary.turns().stream())
                .map(turn -> (Object) turn.usage()).toList();
    }

    /** A format whose importer stats must not fall back on: the streaming reader reads the whole file. */
    private record StreamingOnly(TraceFormat format) implements TraceFormat {
        @Override
        public String label() {
            return format.label();
        }

        @Override
        public String expected() {
            return format.expected();
        }

        @Override
        public boolean recognises(Path file, FileHead head) {
            return format.recognises(file, head);
        }

        @Override
        public List<Trajectory> read(Path file) {
            throw new AssertionError(file + ": stats' streaming reader gave up on a line");
        }
    }
}
