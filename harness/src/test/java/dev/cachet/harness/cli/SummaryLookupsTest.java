package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.harness.stats.SummaryCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log's cache key changes with whatever its summary reads: a sub-agent's with its parent session's log, a parent's
 * with the sub-agents' own logs beside it.
 */
class SummaryLookupsTest {
    @TempDir
    Path dir;

    @Test
    void a_sub_agents_key_changes_when_its_parent_log_appears_or_changes_whatever_the_parents_time() throws IOException {
        Path agent = Files.writeString(Files.createDirectories(dir.resolve("s-1/subagents")).resolve("agent-a1.jsonl"),
                "{}\n");
        SummaryCache.Key alone = SummaryLookups.key(agent);

        // Copied in with its times kept: older than the sub-agent's log.
        Path parent = Files.writeString(dir.resolve("s-1.jsonl"), "{}\n");
        Files.setLastModifiedTime(parent, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        SummaryCache.Key withParent = SummaryLookups.key(agent);
        Files.writeString(parent, "{}\n{}\n");
        Files.setLastModifiedTime(parent, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        SummaryCache.Key grownParent = SummaryLookups.key(agent);

        assertThat(withParent.size()).isEqualTo(alone.size());
        assertThat(withParent.modified()).isEqualTo(alone.modified());
        assertThat(withParent).isNotEqualTo(alone);
        assertThat(grownParent).isNotEqualTo(withParent);
        assertThat(SummaryLookups.key(Files.writeString(dir.resolve("s-2.jsonl"), "{}\n")).context())
                .as("a log that is no sub-agent's and has none beside it").isZero();
    }

    @Test
    void a_parent_logs_key_changes_when_a_sub_agents_own_log_appears_or_goes_beside_it() throws IOException {
        // Its summary reads the sub-agents without a log of their own from its progress lines.
        Path parent = Files.writeString(dir.resolve("s-1.jsonl"), "{}\n");
        SummaryCache.Key alone = SummaryLookups.key(parent);
        Path agents = Files.createDirectories(dir.resolve("s-1/subagents"));
        SummaryCache.Key emptyFolder = SummaryLookups.key(parent);
        Path agent = Files.writeString(agents.resolve("agent-a1.jsonl"), "{}\n");
        SummaryCache.Key withAgent = SummaryLookups.key(parent);
        Files.writeString(agents.resolve("agent-a2.jsonl"), "{}\n");
        SummaryCache.Key withTwo = SummaryLookups.key(parent);
        Files.writeString(agents.resolve("agent-a3.jsonl"), "");
        SummaryCache.Key withAnEmptyOne = SummaryLookups.key(parent);
        Files.delete(agent);

        assertThat(withAnEmptyOne).as("an empty log holds no sub-agent's calls").isEqualTo(withTwo);
        assertThat(alone.context()).isZero();
        assertThat(emptyFolder).isEqualTo(alone);
        assertThat(withAgent).isNotEqualTo(alone);
        assertThat(withTwo).isNotEqualTo(withAgent);
        assertThat(SummaryLookups.key(parent)).isNotEqualTo(withTwo).isNotEqualTo(withAgent);
    }
}
