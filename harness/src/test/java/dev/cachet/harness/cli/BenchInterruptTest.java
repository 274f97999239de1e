package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A benchmark stopped by a signal while it writes its made-up logs leaves none of them behind. */
class BenchInterruptTest {
    @TempDir
    Path dir;

    @Test
    void sigterm_while_the_logs_are_written_deletes_them() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        // As much as the disk lets a bench write, up to more than it writes before the signal.
        long size = Math.min(4L << 30, Files.getFileStore(tmp).getUsableSpace() / 5 * 4);
        CachetProcess bench = CachetProcess.start(dir, List.of("env", "JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=" + tmp),
                "bench", "stats", "--size", String.valueOf(size));

        awaitSessionLog(tmp, bench);
        bench.signal("TERM");

        assertThat(bench.exitCode()).as(bench.err()).isEqualTo(128 + 15);
        assertThat(tmp).isEmptyDirectory();
        assertThat(bench.err()).as("the logs deleted under the writer are no error to report")
                .doesNotContain("cachet:");
    }

    /** Until the bench has written a log of its own (so it is past making its directories), for at most a minute. */
    private static void awaitSessionLog(Path tmp, CachetProcess bench) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!holdsSessionLog(tmp)) {
            assertThat(bench.endsWithin(0)).as("the bench ended before writing a log: %s", bench.err()).isFalse();
            assertThat(System.nanoTime()).as("no log written within a minute").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static boolean holdsSessionLog(Path tmp) {
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".jsonl"));
        } catch (IOException e) {
            // A directory the walk met is being made: look again.
            return false;
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
