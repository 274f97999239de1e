package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.report.Table.Heading;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void one_enormous_name_pads_no_other_row_to_its_width() {
        // A log can name a trace with a megabyte: padded to it, every other row of the table would be as long, and
        // a replay of many traces would write gigabytes (or run out of memory) for one name.
        String enormous = "x".repeat(100_000);
        List<List<String>> rows = new ArrayList<>(Collections.nCopies(50, List.of("lexer", "1")));
        rows.add(List.of(enormous, "2"));
        StringBuilder md = new StringBuilder();

        Markdown.table(md, new Table(List.of(Heading.text("Trace"), Heading.number("Calls")), rows));

        assertThat(md.length()).isLessThan(enormous.length() + 50 * 1_000);
        assertThat(md.toString()).contains("| " + enormous + " | ").contains("| lexer ");
        assertThat(md.toString().lines()).allSatisfy(line -> assertThat(line).startsWith("| ").endsWith(" |"));
    }
}
