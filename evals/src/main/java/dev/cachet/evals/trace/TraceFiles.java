package dev.cachet.evals.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The trajectory files a user points at: files as given, and in directories every file of a known format
 * (others are counted, not read, since log directories hold all sorts).
 */
public final class TraceFiles {
    private static final List<String> SUFFIXES = List.of(".jsonl", ".json", ".traj");

    /**
     * @param formats the format of each file found in a directory, detected as it was found
     * @param skipped files found in directories that are not trajectories
     */
    public record Found(List<Path> files, Map<Path, TraceFormat> formats, int skipped) {
        public Found {
            files = List.copyOf(files);
            formats = Map.copyOf(formats);
        }

        /**
         * The format of one of the files: as found in its directory, else (a file named) detected now, with an error
         * naming the file when it has none.
         */
        public TraceFormat format(Path file) {
            TraceFormat found = formats.get(file);
            return found != null ? found : TraceFormats.of(file);
        }
    }

    private TraceFiles() {}

    public static Found expand(List<Path> paths) {
        return expand(paths, file -> Optional.empty());
    }

    /**
     * @param known the format of a file found in a directory where it is known without reading the file (a cache of
     *              earlier reads knows it), asked of each with its absolute, normal path before its head is read
     */
    public static Found expand(List<Path> paths, Function<Path, Optional<TraceFormat>> known) {
        List<Path> files = new ArrayList<>();
        Map<Path, TraceFormat> formats = new HashMap<>();
        int skipped = 0;
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                List<Path> candidates = candidates(path);
                // Each head is read and parsed on its own: on all cores, in the candidates' order.
                List<Optional<TraceFormat>> detected = candidates.parallelStream()
                        .map(file -> known.apply(normal(file)).or(() -> TraceFormats.detect(file))).toList();
                for (int i = 0; i < candidates.size(); i++) {
                    Optional<TraceFormat> format = detected.get(i);
                    if (format.isPresent()) {
                        files.add(candidates.get(i));
                        formats.put(normal(candidates.get(i)), format.get());
                    } else {
                        skipped++;
                    }
                }
            } else {
                throw new TraceFormatException("no such file or directory: " + path);
            }
        }
        // A file named and also found in a named directory is one session, not two.
        return new Found(files.stream().map(TraceFiles::normal).distinct().toList(), formats, skipped);
    }

    private static Path normal(Path file) {
        return file.toAbsolutePath().normalize();
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
