package dev.cachet.evals.report;

import static dev.cachet.evals.report.Table.Column.number;
import static dev.cachet.evals.report.Table.Column.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    private record Fruit(String name, int count, String note) {}

    private static Table fruits(Fruit... fruits) {
        return Table.of(List.of(fruits),
                text("fruit", Fruit::name),
                number("count", f -> String.valueOf(f.count())),
                text("note", Fruit::note));
    }

    @Test
    void sizes_each_column_to_its_widest_cell_or_heading_and_aligns_numbers_right() {
        String text = TextTable.render(fruits(new Fruit("apple", 3, "red"), new Fruit("kiwi", 12_345, "green")));

        assertThat(text).isEqualTo("""
                fruit  count  note
                apple      3  red
                kiwi   12345  green
                """);
    }

    @Test
    void leaves_no_blanks_at_the_end_of_a_line() {
        String text = TextTable.render(fruits(new Fruit("fig", 1, ""), new Fruit("lime", 2, "sour")));

        assertThat(text.lines()).containsExactly("fruit  count  note", "fig        1", "lime       2  sour");
    }

    @Test
    void keeps_blanks_before_a_cell_that_follows_empty_ones() {
        Table table = new Table(List.of(Table.Heading.text("strategy"), Table.Heading.text("loading")),
                List.of(List.of("hybrid", "eager"), List.of("", "ratio")));

        assertThat(TextTable.render(table).lines()).containsExactly(
                "strategy  loading", "hybrid    eager", "          ratio");
    }

    @Test
    void prints_the_headings_alone_when_there_are_no_rows() {
        assertThat(TextTable.render(fruits())).isEqualTo("fruit  count  note\n");
    }

    @Test
    void refuses_a_row_that_does_not_fit_the_headings() {
        assertThatThrownBy(() -> new Table(List.of(Table.Heading.text("fruit")), List.of(List.of("apple", "3"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 cells under 1 headings");
    }
}
