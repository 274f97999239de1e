package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.ToolOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadFileToolTest {
    private final ReadFileTool tool = new ReadFileTool();

    @TempDir
    Path root;

    private void writeLines(String name, int count) throws IOException {
        Files.writeString(root.resolve(name), IntStream.rangeClosed(1, count).mapToObj(i -> "line " + i + "\n")
                .collect(Collectors.joining()));
    }

    private static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> String.format("%6d\tline %d%n", i, i))
                .collect(Collectors.joining());
    }

    @Test
    void shows_every_line_numbered_from_one() throws IOException {
        Files.writeString(root.resolve("a.txt"), "alpha\n\n  gamma");

        assertThat(call(tool, root, "path", "a.txt"))
                .isEqualTo(ToolOutput.ok("     1\talpha\n     2\t\n     3\t  gamma\n"));
    }

    @Test
    void does_not_show_carriage_returns_of_crlf_files() throws IOException {
        Files.writeString(root.resolve("win.txt"), "one\r\ntwo\r\n");

        assertThat(call(tool, root, "path", "win.txt")).isEqualTo(ToolOutput.ok("     1\tone\n     2\ttwo\n"));
    }

    @Test
    void shows_a_range_and_says_where_to_read_on() throws IOException {
        writeLines("f.txt", 10);

        assertThat(call(tool, root, "path", "f.txt", "start_line", 3, "end_line", 5)).isEqualTo(ToolOutput.ok(
                numbered(3, 5) + "[showing lines 3-5 of 10; use start_line=6 to read on]\n"));
    }

    @Test
    void clamps_an_end_line_past_the_end() throws IOException {
        writeLines("f.txt", 10);

        assertThat(call(tool, root, "path", "f.txt", "start_line", 9, "end_line", 50)).isEqualTo(ToolOutput.ok(numbered(9, 10)));
    }

    @Test
    void refuses_a_start_line_past_the_end() throws IOException {
        writeLines("f.txt", 10);

        assertThat(call(tool, root, "path", "f.txt", "start_line", 11))
                .isEqualTo(ToolOutput.error("start_line 11 is past the end of f.txt (10 lines)"));
    }

    @Test
    void refuses_a_start_line_below_one() throws IOException {
        writeLines("f.txt", 3);

        assertThat(call(tool, root, "path", "f.txt", "start_line", 0))
                .isEqualTo(ToolOutput.error("read_file: argument 'start_line' must be at least 1, got 0"));
    }

    @Test
    void refuses_an_end_line_before_the_start_line() throws IOException {
        writeLines("f.txt", 10);

        ToolOutput output = call(tool, root, "path", "f.txt", "start_line", 5, "end_line", 3);

        assertThat(output.error()).as(output.content()).isTrue();
        assertThat(output.content()).contains("end_line");
    }

    @Test
    void reports_a_missing_file() {
        assertThat(call(tool, root, "path", "nope.txt")).isEqualTo(ToolOutput.error("file not found: nope.txt"));
    }

    @Test
    void refuses_a_directory() throws IOException {
        Files.createDirectories(root.resolve("src"));

        assertThat(call(tool, root, "path", "src"))
                .isEqualTo(ToolOutput.error("src is a directory; use list_files to see its contents"));
    }

    @Test
    void refuses_a_binary_file() throws IOException {
        Files.write(root.resolve("img.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, '\n'});

        assertThat(call(tool, root, "path", "img.png")).isEqualTo(ToolOutput.error("img.png is a binary file"));
    }

    @Test
    void caps_a_long_file_at_max_lines_and_says_where_to_read_on() throws IOException {
        writeLines("long.txt", ReadFileTool.MAX_LINES + 500);

        assertThat(call(tool, root, "path", "long.txt")).isEqualTo(ToolOutput.ok(numbered(1, ReadFileTool.MAX_LINES)
                + "[showing lines 1-2000 of 2500; use start_line=2001 to read on]\n"));
        assertThat(call(tool, root, "path", "long.txt", "start_line", 2001)).isEqualTo(ToolOutput.ok(numbered(2001, 2500)));
    }

    @Test
    void caps_a_requested_range_wider_than_max_lines() throws IOException {
        writeLines("long.txt", 4500);

        ToolOutput output = call(tool, root, "path", "long.txt", "start_line", 2, "end_line", 4000);

        assertThat(output.content()).startsWith(numbered(2, 3))
                .endsWith(String.format("%6d\tline 2001%n", 2001) + "[showing lines 2-2001 of 4500; use start_line=2002 to read on]\n");
    }

    @Test
    void says_an_empty_file_is_empty() throws IOException {
        Files.writeString(root.resolve("empty.txt"), "");

        assertThat(call(tool, root, "path", "empty.txt")).isEqualTo(ToolOutput.ok("[empty file]\n"));
        assertThat(call(tool, root, "path", "empty.txt", "start_line", 2))
                .isEqualTo(ToolOutput.error("start_line 2 is past the end of empty.txt (0 lines)"));
    }

    @Test
    void requires_a_path() {
        assertThat(call(tool, root)).isEqualTo(ToolOutput.error("read_file: missing required string argument 'path'"));
    }
}
