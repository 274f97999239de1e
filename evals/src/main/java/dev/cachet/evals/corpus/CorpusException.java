package dev.cachet.evals.corpus;

/** The corpus could not be fetched or verified; the message names the file and what went wrong. */
public class CorpusException extends RuntimeException {
    public CorpusException(String message) {
        super(message);
    }

    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
