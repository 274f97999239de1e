package dev.cachet.evals.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Rows of formatted cells under headings, for each output format to lay out its own way. */
public record Table(List<Heading> headings, List<List<String>> rows) {

    public Table {
        headings = List.copyOf(headings);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headings.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells under " + headings.size()
                        + " headings: " + row);
            }
        }
    }

    /** @param numeric right-aligned, so that digits line up */
    public record Heading(String title, boolean numeric) {
        public static Heading text(String title) {
            return new Heading(title, false);
        }

        public static Heading number(String title) {
            return new Heading(title, true);
        }
    }

    /** A heading and how to fill its cell from one item: kept together so that they cannot drift apart. */
    public record Column<T>(Heading heading, Function<? super T, String> cell) {
        public static <T> Column<T> text(String title, Function<? super T, String> cell) {
            return new Column<>(Heading.text(title), cell);
        }

        public static <T> Column<T> number(String title, Function<? super T, String> cell) {
            return new Column<>(Heading.number(title), cell);
        }
    }

    /** The same table under lower-case headings, as the terminal's tables are headed. */
    public Table lowercased() {
        return new Table(headings.stream().map(h -> new Heading(h.title().toLowerCase(Locale.ROOT), h.numeric())).toList(),
                rows);
    }

    @SafeVarargs
    public static <T> Table of(List<T> items, Column<T>... columns) {
        return of(items, Arrays.asList(columns));
    }

    /** For tables whose columns depend on the data, such as one per strategy. */
    public static <T> Table of(List<T> items, List<Column<T>> columns) {
        return new Table(columns.stream().map(Column::heading).toList(),
                items.stream().map(item -> columns.stream().map(c -> c.cell().apply(item)).toList()).toList());
    }
}
