package dev.cachet.harness.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    private static List<String> diff(String before, String after, int firstLine, int context) {
        return UnifiedDiff.of(before, after, firstLine, context).stream().map(line -> switch (line.kind()) {
            case HUNK -> line.text();
            case SAME -> " " + line.text();
            case REMOVED -> "-" + line.text();
            case ADDED -> "+" + line.text();
        }).toList();
    }

    private static String numbered(int from, int to) {
        return String.join("\n", IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).toList()) + "\n";
    }

    @Test
    void a_changed_line_shows_with_its_context_and_line_numbers_as_diff_u_does() {
        assertThat(diff(numbered(1, 10), numbered(1, 10).replace("line 5\n", "line five\n"), 1, 2))
                .containsExactly("@@ -3,5 +3,5 @@", " line 3", " line 4", "-line 5", "+line five", " line 6", " line 7");
    }

    @Test
    void changes_far_apart_make_two_hunks_and_close_ones_one() {
        String after = numbered(1, 20).replace("line 2\n", "two\n").replace("line 18\n", "");
        assertThat(diff(numbered(1, 20), after, 1, 1)).containsExactly(
                "@@ -1,3 +1,3 @@", " line 1", "-line 2", "+two", " line 3",
                "@@ -17,3 +17,2 @@", " line 17", "-line 18", " line 19");

        String close = numbered(1, 10).replace("line 3\n", "three\n").replace("line 5\n", "five\n");
        assertThat(diff(numbered(1, 10), close, 1, 1)).first().isEqualTo("@@ -2,5 +2,5 @@");
    }

    @Test
    void a_new_file_is_all_added_and_an_edit_counts_from_its_first_line() {
        assertThat(diff("", "a\nb\n", 1, 3)).containsExactly("@@ -0,0 +1,2 @@", "+a", "+b");
        assertThat(diff("x < y\n", "x <= y\n", 21, 3)).containsExactly("@@ -21,1 +21,1 @@", "-x < y", "+x <= y");
        assertThat(diff("same\n", "same\n", 1, 3)).isEmpty();
    }

    @Test
    void inserted_lines_between_kept_ones_are_found() {
        assertThat(diff("a\nc\ne\n", "a\nb\nc\nd\ne\n", 1, 0)).containsExactly("@@ -1,0 +2,1 @@", "+b", "@@ -2,0 +4,1 @@", "+d");
    }
}
