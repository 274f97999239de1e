package dev.cachet.providers.session;

/** Why a session ended. */
public enum StopReason {
    /** The model called finish, or answered without calling a tool. */
    DONE(false),
    MAX_TURNS(true),
    TOKEN_BUDGET(true),
    COST_BUDGET(true),
    WALL_TIME(true),
    /** The model asked for the same tool calls several turns in a row. */
    REPEATED_ACTION(true),
    /** Several tool calls in a row failed. */
    CONSECUTIVE_ERRORS(true),
    /** The model provider failed; the session log holds everything up to the failure. */
    PROVIDER_ERROR(false),
    /** The user stopped the session (Ctrl-C or SIGTERM). */
    INTERRUPTED(false);

    private final boolean limit;

    StopReason(boolean limit) {
        this.limit = limit;
    }

    /** True when a limit or a loop guard ended the session rather than the model or a failure. */
    public boolean limit() {
        return limit;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
