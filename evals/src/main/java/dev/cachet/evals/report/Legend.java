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
        List<String> lines = wrap(text);
        svg.append("<text x=\"").append(TEXT_X).append("\" y=\"").append(y + 4).append("\">");
        for (int i = 0; i < lines.size(); i++) {
            // The trailing space keeps the words apart in the text's content, which screen readers and tests read.
            svg.append("<tspan x=\"").append(TEXT_X).append("\" dy=\"").append(i == 0 ? 0 : LINE).append("\">")
                    .append(Xml.escape(lines.get(i))).append(i < lines.size() - 1 ? " " : "").append("</tspan>");
        }
        svg.append("</text>\n");
        y += ROW + (lines.size() - 1) * LINE;
    }

    /** Lines of at most {@link #CHARS} characters, but for a single longer word. */
    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > CHARS) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
