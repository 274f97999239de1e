package dev.cachet.harness.cli;

import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.harness.InputException;
import dev.cachet.harness.bench.ScratchDir;
import dev.cachet.harness.bench.SyntheticLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The logs a bench of reading logs reads (made-up ones, or those in --logs), and how many files it reads at once. */
final class BenchLogs {
    /** The log files a bench reads, and how many bytes they hold. */
    record Logs(TraceFiles.Found found, long bytes) {
        List<Path> files() {
            return found.files();
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--jobs", paramLabel = "N", converter = AtLeastOneConverter.class,
            description = "Files read at once. Default: the number of processors.")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--logs", paramLabel = "DIR",
            description = "Read the logs in DIR instead of writing made-up ones (nothing is written there); "
                    + "not with --size.")
    Path logs;

    /**
     * The files in --logs; without it, made-up Claude Code and Codex logs of {@code size} bytes written to
     * {@code temp}/logs.
     *
     * @throws UsageException when --size is given with --logs, which it cannot change
     * @throws InputException when --logs is no directory or holds no session log of a known format, or the made-up
     *                        logs would not fit beside {@code temp}
     */
    Logs files(ScratchDir temp, long size) throws IOException {
        Path scratch = temp.path();
        if (logs != null && command.commandLine().getParseResult().hasMatchedOption("--size")) {
            throw new UsageException("--size sizes made-up logs, and --logs " + logs + " reads the logs there as they "
                    + "are; give one");
        }
        if (logs != null && !Files.isDirectory(logs)) {
            throw new InputException("--logs " + logs + ": not a directory");
        }
        Path dir = logs;
        if (dir == null) {
            fits(size, scratch.getParent(), Files.getFileStore(scratch).getUsableSpace());
            dir = scratch.resolve("logs");
            Path written = dir;
            temp.using(() -> new SyntheticLogs(19).write(written, size));
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

    /**
     * Refuses made-up logs of {@code size} bytes that the temporary directory, with {@code usable} bytes free, cannot
     * hold with room to spare. Beside the logs bench stats writes two summary caches (5 and 4 MB beside 100 MB of
     * logs), and whatever else writes to that disk meanwhile should not find it full: the logs may take four fifths
     * of the free space, one margin for both benches.
     */
    static void fits(long size, Path temporary, long usable) {
        long most = usable / 5 * 4;
        if (size > most) {
            throw new InputException("--size " + binary(size) + ": the temporary directory " + temporary + " has "
                    + binary(usable) + " free, room for at most " + binary(most) + " of logs with their caches; "
                    + "choose a smaller --size, or another directory with CACHET_JAVA_OPTS=-Djava.io.tmpdir=DIR");
        }
    }

    /** Bytes in binary units, as --size takes them, to a tenth. */
    static String binary(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int unit = -1;
        double value = bytes;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit < 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
