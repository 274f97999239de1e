package dev.cachet.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachet.harness.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticLogsTest {
    /** A full disk said only "java.io.IOException: No space left on device". */
    @Test
    void a_file_that_cannot_be_written_is_named_with_why(@TempDir Path dir) throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "a device that is always full");
        Path first = Files.createDirectories(dir.resolve("claude/projects/-work-app")).resolve("session-0.jsonl");
        Files.createSymbolicLink(first, full);

        assertThatThrownBy(() -> new SyntheticLogs(19).write(dir, 1 << 20)).isInstanceOf(InputException.class)
                .hasMessage("cannot write " + first + ": No space left on device");
    }

    /**
     * A session ends at the turn that reaches the size: 1m wrote 2.8 MB and 100k 0.2 MB, each file written whole. The
     * largest turn is a tool result of 80,000 characters with its lines, or the first session's sub-agent.
     */
    @ParameterizedTest
    @ValueSource(ints = {100 << 10, 1 << 20})
    void writes_within_a_turn_of_the_size_every_shape_even_when_small(int size, @TempDir Path dir) throws IOException {
        new SyntheticLogs(19).write(dir, size);

        List<Path> files = files(dir);
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        assertThat(total).isBetween((long) size, size + 100_000L);
        assertThat(files).anyMatch(file -> file.toString().contains("/codex/"));
        assertThat(files).anyMatch(file -> contains(file, "\"isSidechain\":true"));
    }

    @Test
    void the_same_seed_writes_the_same_bytes(@TempDir Path dir) throws IOException {
        new SyntheticLogs(19).write(dir.resolve("a"), 300_000);
        new SyntheticLogs(19).write(dir.resolve("b"), 300_000);

        List<Path> a = files(dir.resolve("a"));
        assertThat(a.stream().map(file -> dir.resolve("a").relativize(file)))
                .isEqualTo(files(dir.resolve("b")).stream().map(file -> dir.resolve("b").relativize(file)).toList());
        for (Path file : a) {
            assertThat(Files.mismatch(file, dir.resolve("b").resolve(dir.resolve("a").relativize(file)))).isEqualTo(-1);
        }
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
