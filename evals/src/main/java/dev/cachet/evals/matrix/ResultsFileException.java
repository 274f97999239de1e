package dev.cachet.evals.matrix;

/** A results file cannot be used: it exists without --resume, is in use, or holds a malformed line (file:line). */
public class ResultsFileException extends RuntimeException {
    public ResultsFileException(String message) {
        super(message);
    }

    public ResultsFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
