package dev.cachet.harness.view;

import java.util.Map;

/**
 * How text is marked up for where it goes: ANSI colours on a terminal, plain text anywhere else, and plain text
 * wherever {@code NO_COLOR} is set to anything (no-color.org) or the terminal says it is dumb.
 */
public record Style(boolean colour) {
    public static final Style PLAIN = new Style(false);

    /** @param terminal whether the output goes to a terminal */
    public static Style detect(Map<String, String> environment, boolean terminal) {
        boolean noColour = !environment.getOrDefault("NO_COLOR", "").isEmpty()
                || environment.getOrDefault("TERM", "").equals("dumb");
        return new Style(terminal && !noColour);
    }

    public String bold(String text) {
        return paint("1", text);
    }

    public String dim(String text) {
        return paint("2", text);
    }

    public String red(String text) {
        return paint("31", text);
    }

    public String green(String text) {
        return paint("32", text);
    }

    public String yellow(String text) {
        return paint("33", text);
    }

    public String cyan(String text) {
        return paint("36", text);
    }

    private String paint(String code, String text) {
        return colour && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
