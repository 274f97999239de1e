package dev.cachet.harness.cli;

import java.util.regex.Pattern;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;

/**
 * A help table whose last column, the descriptions, wraps between words only. A zero-width no-break space, which
 * Java's line BreakIterator never breaks at, goes after each dot, slash, colon and hyphen inside a word while the table is
 * laid out, and is gone from what it prints.
 */
final class UnbrokenTable extends TextTable {
    private static final char GLUE = '\uFEFF';
    private static final Pattern INSIDE_A_WORD = Pattern.compile("([./:-])(?=[^\\s\uFEFF])");

    private final ColorScheme scheme;

    UnbrokenTable(ColorScheme scheme, Column... columns) {
        super(scheme, columns);
        this.scheme = scheme;
    }

    /** A table with the columns and indentation of {@code table}, which stays empty. */
    static UnbrokenTable like(ColorScheme scheme, TextTable table) {
        UnbrokenTable like = new UnbrokenTable(scheme, table.columns());
        like.indentWrappedLines = table.indentWrappedLines;
        return like;
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
        if (col != columns().length - 1) {
            return super.putValue(row, col, value);
        }
        return super.putValue(row, col, scheme.text(INSIDE_A_WORD.matcher(value.plainString()).replaceAll("$1" + GLUE)));
    }

    @Override
    public StringBuilder toString(StringBuilder text) {
        int from = text.length();
        super.toString(text);
        for (int i = text.length() - 1; i >= from; i--) {
            if (text.charAt(i) == GLUE) {
                text.deleteCharAt(i);
            }
        }
        return text;
    }
}
