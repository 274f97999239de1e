package dev.cachet.evals.report;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Rows of formatted cells under headings, for each output format to lay out its own way. */
record Table(List<Heading> headings, List<List<String>> rows) {

    /** @param numeric right-aligned, so that digits line up */
    record Heading(String title, boolean numeric) {}

    /** A heading and how to fill its cell from one item: kept together so that they cannot drift apart. */
    record Column<T>(Heading heading, Function<? super T, String> cell) {
        static <T> Column<T> text(String title, Function<? super T, String> cell) {
            return new Column<>(new Heading(title, false), cell);
        }

        static <T> Column<T> number(String title, Function<? super T, String> cell) {
            return new Column<>(new Heading(title, true), cell);
        }
    }

    @SafeVarargs
    static <T> Table of(List<T> items, Column<T>... columns) {
        return of(items, Arrays.asList(columns));
    }

    /** For tables whose columns depend on the data, such as one per strategy. */
    static <T> Table of(List<T> items, List<Column<T>> columns) {
        return new Table(columns.stream().map(Column::heading).toList(),
                items.stream().map(item -> columns.stream().map(c -> c.cell().apply(item)).toList()).toList());
    }
}
