package dev.cachet.evals.report;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A {@link Table} as plain text for a terminal: each column as wide as its widest cell or heading, numbers
 * right-aligned, no trailing blanks.
 */
public final class TextTable {
    /** Two blanks, so that headings of several words, such as "input cost", still read as one heading each. */
    private static final String GAP = "  ";

    private TextTable() {}

    public static String render(Table table) {
        int[] widths = IntStream.range(0, table.headings().size())
                .map(i -> Stream.concat(Stream.of(table.headings().get(i).title()),
                        table.rows().stream().map(row -> row.get(i))).mapToInt(String::length).max().orElseThrow())
                .toArray();
        StringBuilder text = new StringBuilder();
        line(text, table.headings().stream().map(Table.Heading::title).toList(), table, widths);
        table.rows().forEach(row -> line(text, row, table, widths));
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells, Table table, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String pad = " ".repeat(widths[i] - cells.get(i).length());
            boolean right = table.headings().get(i).numeric();
            line.append(i == 0 ? "" : GAP).append(right ? pad : "").append(cells.get(i)).append(right ? "" : pad);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
