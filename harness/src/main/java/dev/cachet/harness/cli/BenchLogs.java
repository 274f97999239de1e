package dev.cachet.harness.cli;

import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.harness.InputException;
import dev.cachet.harness.bench.SyntheticLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The logs a bench of reading logs reads (made-up ones, or those in --logs), and how many files it reads at once. */
final class BenchLogs {
    /** The log files a bench reads, and how many bytes they hold. */
    record Logs(TraceFiles.Found found, long bytes) {
        List<Path> files() {
            return found.files();
        }
    }

    @Option(names = "--jobs", paramLabel = "N", converter = AtLeastOneConverter.class,
            description = "Files read at once. Default: the number of processors.")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--logs", paramLabel = "DIR",
            description = "Read the logs in DIR instead of writing made-up ones (nothing is written there).")
    Path logs;

    /**
     * The files in --logs; without it, made-up Claude Code and Codex logs of {@code size} bytes written to
     * {@code scratch}/logs.
     *
     * @throws InputException when --logs is no directory or holds no session log of a known format
     */
    Logs files(Path scratch, long size) throws IOException {
        if (logs != null && !Files.isDirectory(logs)) {
            throw new InputException("--logs " + logs + ": not a directory");
        }
        Path dir = logs;
        if (dir == null) {
            dir = scratch.resolve("logs");
            new SyntheticLogs(19).write(dir, size);
        }
        TraceFiles.Found found = TraceFiles.expand(List.of(dir));
        if (found.files().isEmpty()) {
            throw new InputException("--logs " + dir + ": no session logs of a known format");
        }
        long bytes = 0;
        for (Path file : found.files()) {
            bytes += Files.size(file);
        }
        return new Logs(found, bytes);
    }
}
