package dev.cachet.evals.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The order in which to hand files to parallel readers: the largest first, so that no core is left reading one big
 * file alone at the end while the others idle (longest-processing-time-first scheduling). Results are still merged
 * in the files' own order.
 */
public final class LargestFirst {
    private LargestFirst() {}

    /** The indices of {@code files}, the largest file's first; equal sizes keep their order. */
    public static List<Integer> order(List<Path> files) {
        long[] sizes = files.stream().mapToLong(LargestFirst::size).toArray();
        return IntStream.range(0, files.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> sizes[i]).reversed()).toList();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
