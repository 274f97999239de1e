package dev.cachet.providers;

/** Why the model stopped writing. */
public enum FinishReason {
    END_TURN,
    TOOL_USE,
    MAX_TOKENS,
    OTHER
}
