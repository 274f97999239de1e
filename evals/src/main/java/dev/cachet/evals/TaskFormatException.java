package dev.cachet.evals;

/** A task file cannot be read; the message names the file. */
public class TaskFormatException extends RuntimeException {
    public TaskFormatException(String message) {
        super(message);
    }
}
