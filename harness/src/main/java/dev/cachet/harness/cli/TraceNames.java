package dev.cachet.harness.cli;

import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.evals.trace.TraceFormat;
import dev.cachet.evals.trace.TraceFormats;
import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.evals.trace.Trajectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Names trajectories in reports. Importers name them after their file, which is ambiguous when files of one name
 * are read together (two projects' session.jsonl, one SWE-bench instance in two runs' directories): reports would
 * merge them. Such files are named by as many of their last path elements as tell them apart.
 */
final class TraceNames {
    private TraceNames() {}

    /** Reads a file of {@code files} as {@link TraceFormats#read} does, its trajectories named apart from the others'. */
    static Function<Path, List<Trajectory>> reader(List<Path> files) {
        return named(files, TraceFormats::read);
    }

    /**
     * Reads a file of {@code files} in the format {@code formats} gives it (a file found in a directory, in the format
     * found there: {@link TraceFiles.Found#format}), named as {@link #reader(List)} names it.
     */
    static Function<Path, List<Trajectory>> reader(List<Path> files, Function<Path, TraceFormat> formats) {
        return named(files, file -> formats.apply(file).read(file));
    }

    private static Function<Path, List<Trajectory>> named(List<Path> files, Function<Path, List<Trajectory>> read) {
        Map<Path, String> names = names(files);
        return file -> read.apply(file).stream().map(t -> renamed(t, file, names.get(file))).toList();
    }

    /** Names a summary of a file of {@code files} as {@link #reader} names the trajectory it summarises. */
    static BiFunction<Path, TraceSummary, TraceSummary> summaryNamer(List<Path> files) {
        Map<Path, String> names = names(files);
        return (file, summary) -> renamedId(summary.id(), file, names.get(file)).map(summary::withId).orElse(summary);
    }

    private static Map<Path, String> names(List<Path> files) {
        Map<Path, String> names = new HashMap<>();
        Map<Path, List<Path>> byName = files.stream().distinct().collect(Collectors.groupingBy(Path::getFileName));
        for (List<Path> namesakes : byName.values()) {
            if (namesakes.size() == 1) {
                continue;
            }
            List<Path> absolute = new ArrayList<>(namesakes.stream().map(f -> f.toAbsolutePath().normalize()).toList());
            for (int i = 0; i < namesakes.size(); i++) {
                Path path = absolute.get(i);
                int elements = 1;
                while (elements < path.getNameCount() && sharesSuffix(path, elements, absolute)) {
                    elements++;
                }
                names.put(namesakes.get(i), path.subpath(path.getNameCount() - elements, path.getNameCount()).toString());
            }
        }
        return names;
    }

    /** Whether another of {@code paths} ends in the same last {@code elements} elements as {@code path}. */
    private static boolean sharesSuffix(Path path, int elements, List<Path> paths) {
        Path suffix = path.subpath(path.getNameCount() - elements, path.getNameCount());
        return paths.stream().anyMatch(other -> !other.equals(path) && other.endsWith(suffix));
    }

    /** Ids start with the file name (a suffix follows when a file holds several sessions); that part is replaced. */
    private static Trajectory renamed(Trajectory trajectory, Path file, String name) {
        return renamedId(trajectory.id(), file, name).map(trajectory::withId).orElse(trajectory);
    }

    private static Optional<String> renamedId(String id, Path file, String name) {
        String fileName = file.getFileName().toString();
        if (name == null || !id.startsWith(fileName)) {
            return Optional.empty();
        }
        return Optional.of(name + id.substring(fileName.length()));
    }
}
