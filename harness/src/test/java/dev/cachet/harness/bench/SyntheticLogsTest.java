package dev.cachet.harness.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachet.harness.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
