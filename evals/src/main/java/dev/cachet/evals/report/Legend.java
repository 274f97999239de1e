package dev.cachet.evals.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The legend column right of a line chart's plot: one entry per series, its text wrapped at spaces so that a long
 * entry, such as what rings mean, stays on the canvas.
 */
final class Legend {
    private static final int ROW = 18;
    private static final int LINE = 14;
    private static final int TEXT_X = ChartFrame.LEGEND + 24;
    private static final int CHARS = (int) ((ChartFrame.WIDTH - TEXT_X - 4) / LabelLayout.CHAR_WIDTH);

    /** The middle of the next entry's first line. */
    private int y = ChartFrame.TOP + 6;

    /** Where the next entry's sample (a line, a ring) goes, level with its first line. */
    int sampleY() {
        return y;
    }

    /** Writes the entry's text beside its sample and moves down past it. */
    void text(StringBuilder svg, String text) {
        List<Line> lines = wrap(text);
        svg.append("<text x=\"").append(TEXT_X).append("\" y=\"").append(y + 4).append("\">");
        for (int i = 0; i < lines.size(); i++) {
            // The trailing space keeps the words apart in the text's content, which screen readers and tests read; a
            // word broken across lines gets none.
            svg.append("<tspan x=\"").append(TEXT_X).append("\" dy=\"").append(i == 0 ? 0 : LINE).append("\">")
                    .append(Xml.escape(lines.get(i).text()))
                    .append(i < lines.size() - 1 && lines.get(i).endsWord() ? " " : "").append("</tspan>");
        }
        svg.append("</text>\n");
        y += ROW + (lines.size() - 1) * LINE;
    }

    /** One line of an entry, and whether a word ends with it (rather than going on on the next line). */
    private record Line(String text, boolean endsWord) {}

    /**
     * Lines of at most {@link #CHARS} characters. A longer word, such as a model's or a session's name, is broken
     * after its last hyphen, slash or dot that fits, else where the line is full.
     */
    private static List<Line> wrap(String text) {
        List<Line> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > CHARS) {
                lines.add(new Line(line.toString(), true));
                line.setLength(0);
            }
            while (line.isEmpty() && word.length() > CHARS) {
                int cut = breakAfter(word) + 1;
                lines.add(new Line(word.substring(0, cut), false));
                word = word.substring(cut);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(new Line(line.toString(), true));
        return lines;
    }

    /** The index of the last hyphen, slash or dot within a line's width, else of the line's last character. */
    private static int breakAfter(String word) {
        for (int i = CHARS - 1; i > 0; i--) {
            char c = word.charAt(i);
            if (c == '-' || c == '/' || c == '.') {
                return i;
            }
        }
        return CHARS - 1;
    }
}
