package dev.cachet.context.error;

/**
 * A failure cachet explains to the user in one line: the message names the input and what is wrong with it, and
 * the kind says how the process exits. Each module's exceptions extend it, so the command line knows none of them.
 */
public abstract class CachetException extends RuntimeException {
    private final ExitKind kind;

    protected CachetException(ExitKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    protected CachetException(ExitKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ExitKind kind() {
        return kind;
    }
}
