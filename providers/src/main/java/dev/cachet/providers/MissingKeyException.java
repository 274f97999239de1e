package dev.cachet.providers;

/** An API key the environment does not hold; the command that reports it may know its own way to run without one. */
public final class MissingKeyException extends ModelSpecException {
    private final String variable;

    public MissingKeyException(String variable, String offline) {
        super(variable + " is not set; export it, or run offline with " + offline);
        this.variable = variable;
    }

    /** The same missing key, suggesting {@code offline} as the way to run without it. */
    public MissingKeyException offline(String offline) {
        return new MissingKeyException(variable, offline);
    }
}
