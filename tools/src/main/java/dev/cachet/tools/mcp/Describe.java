package dev.cachet.tools.mcp;

import java.time.Duration;

/** Short texts for the one-line messages about MCP servers. */
final class Describe {
    private Describe() {}

    /**
     * What went wrong, in the words of whoever said it. Wrappers that only repeat their cause (execution and
     * completion exceptions, {@code new RuntimeException(cause)}) are looked through; one with words of its own is
     * kept, since it often says more than its cause ("Cannot run program "x"" around "error=2").
     */
    static String cause(Throwable failure) {
        Throwable shown = failure;
        while (shown.getCause() != null
                && (shown.getMessage() == null || shown.getMessage().equals(shown.getCause().toString()))) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        return message == null || message.isBlank() ? shown.getClass().getSimpleName() : message;
    }

    /** "5s", or "1500ms" when not whole seconds. */
    static String duration(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
