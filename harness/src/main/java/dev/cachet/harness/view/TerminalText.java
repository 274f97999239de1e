package dev.cachet.harness.view;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from the model, its tools and the files they read, made safe to print on a terminal: a control character is
 * shown as its JSON escape (ESC as a backslash, u and 001b) instead of being obeyed. Obeyed, an escape sequence could
 * set the user's clipboard (OSC 52), hide text, or erase a line and write another over it, so that the command an
 * approval asks about is not the one shown. Kept: line breaks, tabs, and the colours {@link Style} and picocli's help
 * write, which neither hide nor move text, also combined as a command's output may write them. JSON printed through
 * here means what it meant.
 */
public final class TerminalText {
    // Style's bold, dim, red, green, yellow, cyan and reset, and picocli's help's italic and their ends, alone or
    // combined as test runners print them (ESC[1;31m, and ESC[m for reset); no other sequence (not black, which hides
    // text on a dark terminal, nor concealed).
    private static final String STYLE_PARAMETER = "(?:[0-3]|2[1-3]|3[1-369])";
    private static final Pattern OWN_STYLE =
            Pattern.compile("\u001b\\[(?:" + STYLE_PARAMETER + "(?:;" + STYLE_PARAMETER + ")*)?m");

    /** Written alone, a carriage return the writer obeys: the one way a status line is redrawn. */
    public static final String RETURN = "\r";

    private TerminalText() {}

    /** For a line or a piece of text shown as it is: a carriage return is shown, except before a line break. */
    public static String shown(String text) {
        return escape(text, Rules.SHOWN);
    }

    /** For text only the model wrote: as {@link #shown}, but its colours shown too, as it could fake cachet's. */
    public static String uncoloured(String text) {
        return escape(text, Rules.UNCOLOURED);
    }

    /**
     * For text a user is asked about: one line, every break and control shown, no colour taken from it, and a
     * backslash doubled, so that the two characters backslash-n are not taken for a line break, which in a command
     * starts another.
     */
    public static String oneLine(String text) {
        return escape(text, Rules.ONE_LINE);
    }

    /**
     * Everything written to {@code out} shown as {@link #shown} does, but a carriage return written alone obeyed:
     * cachet's own progress and status lines redraw with one, and write it so ({@link #RETURN}).
     */
    public static Writer writer(Writer out) {
        return new FilterWriter(out) {
            @Override
            public void write(int c) throws IOException {
                write(String.valueOf((char) c));
            }

            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                write(new String(chars, offset, length));
            }

            @Override
            public void write(String text, int offset, int length) throws IOException {
                String written = text.substring(offset, offset + length);
                out.write(written.equals(RETURN) ? RETURN : escape(written, Rules.SHOWN));
            }
        };
    }

    private enum Rules {
        SHOWN(true, true),
        UNCOLOURED(false, true),
        ONE_LINE(false, false);

        final boolean colours;
        final boolean lineBreaks;

        Rules(boolean colours, boolean lineBreaks) {
            this.colours = colours;
            this.lineBreaks = lineBreaks;
        }
    }

    private static String escape(String text, Rules rules) {
        if (!rules.lineBreaks) {
            text = text.replace("\\", "\\\\");
        }
        int first = firstControl(text, rules);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        Matcher colour = OWN_STYLE.matcher(text);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!control(c) || c == '\t') {
                out.append(c);
            } else if (c == '\u001b' && rules.colours && colour.region(i, text.length()).lookingAt()) {
                out.append(colour.group());
                i = colour.end() - 1;
            } else if (c == '\n') {
                out.append(rules.lineBreaks ? "\n" : "\\n");
            } else if (c == '\r') {
                boolean beforeBreak = i + 1 < text.length() && text.charAt(i + 1) == '\n';
                out.append(beforeBreak && rules.lineBreaks ? "" : "\\r");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static int firstControl(String text, Rules rules) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (control(c) && c != '\t' && (c != '\n' || !rules.lineBreaks)) {
                return i;
            }
        }
        return -1;
    }

    /** C0 and C1 controls, DEL, and the marks that change the direction text is shown in (Trojan Source). */
    private static boolean control(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
