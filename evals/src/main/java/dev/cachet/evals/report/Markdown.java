package dev.cachet.evals.report;

import java.util.List;
import java.util.stream.IntStream;

/** GitHub-flavoured Markdown tables, padded to line up in a terminal too. */
final class Markdown {
    /**
     * The widest a cell pads its column to: a longer one (a log can name a trace with a megabyte) is written as it is,
     * or every other row of its table would be padded as long.
     */
    private static final int MAX_PAD = 200;

    private Markdown() {}

    static void table(StringBuilder md, Table table) {
        List<String> titles = table.headings().stream().map(h -> escape(h.title())).toList();
        List<List<String>> rows = table.rows().stream().map(row -> row.stream().map(Markdown::escape)
                .toList()).toList();
        // At least three dashes: GFM needs them in the delimiter row.
        int[] widths = IntStream.range(0, titles.size()).map(i -> Math.max(3, Math.max(titles.get(i).length(),
                rows.stream().mapToInt(row -> row.get(i).length()).filter(width -> width <= MAX_PAD).max().orElse(0))))
                .toArray();
        row(md, titles, table, widths);
        md.append('|');
        for (int i = 0; i < widths.length; i++) {
            boolean numeric = table.headings().get(i).numeric();
            md.append(' ').append("-".repeat(numeric ? widths[i] - 1 : widths[i])).append(numeric ? ":" : "")
                    .append(" |");
        }
        md.append('\n');
        rows.forEach(row -> row(md, row, table, widths));
    }

    private static void row(StringBuilder md, List<String> cells, Table table, int[] widths) {
        md.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String pad = " ".repeat(Math.max(0, widths[i] - cells.get(i).length()));
            boolean right = table.headings().get(i).numeric();
            md.append(' ').append(right ? pad : "").append(cells.get(i)).append(right ? "" : pad).append(" |");
        }
        md.append('\n');
    }

    /**
     * Names as literal text: | would split a cell, a line break would end the table, and \ * ` < would start
     * escapes, emphasis, code or HTML. A ] before ( would end a link's text, and an image's (![x](url)) fetches its
     * URL wherever the report is shown; other brackets stay, as in the intervals [16.7%, 83.3%]. Underscores stay:
     * inside a word, as in file names, they emphasise nothing. Control characters (C0 but tab, DEL, C1) are shown
     * as U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean linkEnd = c == ']' && i + 1 < text.length() && text.charAt(i + 1) == '(';
            switch (c) {
                case '\\', '|', '*', '`', '<' -> out.append('\\').append(c);
                case ']' -> out.append(linkEnd ? "\\]" : "]");
                case '\n', '\r' -> out.append(' ');
                // As in HTML: a report written to a file and shown with cat must not run a name's escape sequences.
                default -> out.append((c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) ? '\ufffd' : c);
            }
        }
        return out.toString();
    }
}
