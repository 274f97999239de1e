package dev.cachet.evals.suite;

import java.nio.file.Path;
import java.util.List;

/** A named set of tasks read from one suite file. */
public record Suite(String name, Path file, List<SuiteTask> tasks) {
    public Suite {
        tasks = List.copyOf(tasks);
    }

    /**
     * Reads and validates a suite file.
     *
     * @throws SuiteFormatException naming the file, the line and the field of the first problem
     */
    public static Suite read(Path file) {
        return SuiteReader.read(file);
    }
}
