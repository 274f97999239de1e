package dev.cachet.evals.matrix;

import java.util.regex.Pattern;

/** An exception as one short line, fit for a JSONL field and a table cell. */
final class OneLine {
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");
    private static final int MAX_CHARS = 400;

    private OneLine() {}

    static String of(Throwable failure) {
        String message = failure.getMessage();
        String text = message == null || message.isBlank()
                ? failure.getClass().getSimpleName()
                : LINE_BREAKS.matcher(message.strip()).replaceAll(" | ");
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
    }
}
