package dev.cachet.context.error;

/** What kind of failure ends a cachet process, and the exit code it ends with (as documented in the README). */
public enum ExitKind {
    /** The command line itself is wrong: an unknown flag or command, a malformed value. */
    USAGE(1),
    /** Something the user gave cannot be used: a missing workspace, an unknown model, a malformed file. */
    INPUT(2),
    /** A model provider could not answer. */
    PROVIDER(3),
    /** A session stopped at one of its limits: turns, tokens, cost or wall time. */
    LIMIT(4);

    private final int code;

    ExitKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
