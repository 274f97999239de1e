package dev.cachet.evals.suite;

import dev.cachet.evals.TaskFormatException;

/** A suite file cannot be read; the one-line message names the file and, where there is one, the line and field. */
public class SuiteFormatException extends TaskFormatException {
    public SuiteFormatException(String message) {
        super(message);
    }
}
