package dev.cachet.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;
import dev.cachet.context.TokenCounter;
import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.evals.trace.TraceSummaries;
import dev.cachet.evals.trace.TraceSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The made-up logs have the shapes of real ones: Codex's running totals. */
class SyntheticLogsReadTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();

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
}
