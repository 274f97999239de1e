package dev.cachet.evals.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The trajectory files a user points at: files as given, and in directories every file of a known format
 * (others are counted, not read, since log directories hold all sorts).
 */
public final class TraceFiles {
    private static final List<String> SUFFIXES = List.of(".jsonl", ".json", ".traj");

    /** @param skipped files found in directories that are not trajectories */
    public record Found(List<Path> files, int skipped) {
        public Found {
            files = List.copyOf(files);
        }
    }

    private TraceFiles() {}

    public static Found expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        int skipped = 0;
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                List<Path> candidates = candidates(path);
                // Each head is read and parsed on its own: on all cores, in the candidates' order.
                List<Path> traces = candidates.parallelStream()
                        .filter(candidate -> TraceFormats.detect(candidate).isPresent()).toList();
                files.addAll(traces);
                skipped += candidates.size() - traces.size();
            } else {
                throw new TraceFormatException("no such file or directory: " + path);
            }
        }
        // A file named and also found in a named directory is one session, not two.
        return new Found(files.stream().map(f -> f.toAbsolutePath().normalize()).distinct().toList(), skipped);
    }

    private static List<Path> candidates(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> SUFFIXES.stream().anyMatch(f.getFileName().toString()::endsWith))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new TraceFormatException("cannot list " + directory + ": " + e.getMessage());
        }
    }
}
