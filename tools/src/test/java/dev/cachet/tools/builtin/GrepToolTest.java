package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static org.assertj.core.api.Assertions.*;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.ToolTesting;
import java.time.Duration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrepToolTest {
    private final GrepTool tool = new GrepTool();

    @TempDir
    Path tmp;

    private Path root() throws IOException {
        return Files.createDirectories(tmp.resolve("ws"));
    }

    private void write(String path, String content) throws IOException {
        Path file = root().resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void searches_past_a_gitignore_rule_too_costly_to_match_and_says_it_was_left_out() throws IOException {
        String longName = "a".repeat(200);
        write(".gitignore", "a*a*a*a*a*a*a*a*b\n");
        write(longName, "needle\n");

        ToolOutput output = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> call(tool, root(), "pattern", "needle"));

        assertThat(output).isEqualTo(ToolOutput.ok(longName + ":1: needle\n"
                + "[ignore rules left out, as too costly to match: .gitignore: 1 rule with more than 4 '*' in one name,"
                + " the first on line 1 (a*a*a*a*a*a*a*a*b)]\n"));
    }

    @Test
    void the_command_timeout_counts_the_walk_too_and_stops_it_while_rules_slow_to_match_add_up() throws IOException {
        String longName = "a".repeat(200);
        write(".gitignore", "*a*a*b\n".repeat(100));
        write(longName, "needle\n");

        ToolOutput output = call(tool, ToolTesting.context(root(), Duration.ofMillis(300), 10_000), "pattern", "needle");

        assertThat(output.error()).isTrue();
        assertThat(output.content()).startsWith("still matching the rules of .gitignore against " + longName
                + " after 300ms, the command timeout");
    }

    @Test
    void prints_path_line_and_text_for_each_match_in_path_order() throws IOException {
        write("src/B.java", "class B {\n  int count = 2;\n}\n");
        write("src/A.java", "class A {\n  int count = 1;\n  // count again\n}\n");
        write("notes.txt", "nothing here\n");

        assertThat(call(tool, root(), "pattern", "count")).isEqualTo(ToolOutput.ok(
                "src/A.java:2:   int count = 1;\n"
                        + "src/A.java:3:   // count again\n"
                        + "src/B.java:2:   int count = 2;\n"));
    }

    @Test
    void matches_a_regular_expression_anywhere_in_the_line() throws IOException {
        write("a.txt", "foo123\nfoo\nbar 42 foo\n");

        assertThat(call(tool, root(), "pattern", "\\d+")).isEqualTo(ToolOutput.ok("a.txt:1: foo123\na.txt:3: bar 42 foo\n"));
    }

    @Test
    void only_searches_files_matching_the_glob() throws IOException {
        write("src/A.java", "TODO java\n");
        write("src/a.py", "TODO python\n");
        write("docs/b.java", "TODO docs\n");

        assertThat(call(tool, root(), "pattern", "TODO", "glob", "*.java"))
                .isEqualTo(ToolOutput.ok("docs/b.java:1: TODO docs\nsrc/A.java:1: TODO java\n"));
        assertThat(call(tool, root(), "pattern", "TODO", "glob", "src/*"))
                .isEqualTo(ToolOutput.ok("src/A.java:1: TODO java\nsrc/a.py:1: TODO python\n"));
    }

    @Test
    void only_searches_under_the_given_path() throws IOException {
        write("src/A.java", "hit\n");
        write("test/T.java", "hit\n");

        assertThat(call(tool, root(), "pattern", "hit", "path", "test")).isEqualTo(ToolOutput.ok("test/T.java:1: hit\n"));
    }

    @Test
    void a_pattern_that_backtracks_past_the_command_timeout_is_stopped_naming_where() throws IOException {
        write("a.txt", "fine\n" + "A".repeat(112) + "\n");

        ToolOutput output = call(tool, ToolTesting.context(root(), Duration.ofSeconds(1), 20_000),
                "pattern", "(.*A){15}B");

        assertThat(output).isEqualTo(ToolOutput.error("the pattern '(.*A){15}B' was still matching a.txt:2 after"
                + " 1s, the command timeout (nested repetition backtracks without end); simplify it"));
    }

    @Test
    void refuses_counted_repetitions_that_multiply_past_what_a_timeout_can_stop() throws IOException {
        // A part that matches nothing reads no character: no clock is looked at while it repeats.
        write("a.txt", "x\n");

        ToolOutput output = call(tool, ToolTesting.context(root(), Duration.ofSeconds(1), 20_000),
                "pattern", "(?:(?:^){2000000000}){2000000000}");

        assertThat(output).isEqualTo(ToolOutput.error("the pattern '(?:(?:^){2000000000}){2000000000}' repeats a part"
                + " more than 1,000 times, counts of nested groups multiplied; use fewer, or * and +"));
        assertThat(call(tool, root(), "pattern", "x{3}|(?:x{2}){100}").error()).isFalse();
        assertThat(call(tool, root(), "pattern", "(?x)(?:(?:^){2 000000000}){2 000000000}x")).isEqualTo(ToolOutput.error(
                "the pattern '(?x)(?:(?:^){2 000000000}){2 000000000}x' turns on comments mode ((?x)), which grep does"
                        + " not take"));
    }

    @Test
    void a_pattern_that_matches_nothing_at_each_character_of_a_huge_line_ends_at_the_timeout() throws IOException {
        // 999 empty steps and an end that reads no character, at each of the line's first 65,536 characters, where a
        // 9 MiB line took minutes: no character is read for the clock to be looked at.
        write("long.txt", "a".repeat(9 << 20) + "\n");
        long start = System.nanoTime();

        ToolOutput output = call(tool, ToolTesting.context(root(), Duration.ofSeconds(1), 20_000),
                "pattern", "(?:(?:){27}){37}$");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(output.content()).satisfiesAnyOf(
                content -> assertThat(content).contains("after 1s, the command timeout"),
                content -> assertThat(content).contains("long.txt:1"));
    }

    @Test
    void reports_an_invalid_regular_expression() throws IOException {
        ToolOutput output = call(tool, root(), "pattern", "(unclosed");

        assertThat(output.error()).isTrue();
        assertThat(output.content()).startsWith("invalid regular expression: Unclosed group")
                .endsWith(" in '(unclosed'");
    }

    @Test
    void stops_after_max_matches_and_says_so() throws IOException {
        write("a.txt", "x1\nx2\nx3\nx4\nx5\n");

        assertThat(call(tool, root(), "pattern", "x", "max_matches", 3)).isEqualTo(ToolOutput.ok(
                "a.txt:1: x1\na.txt:2: x2\na.txt:3: x3\n[... stopped after 3 matches; narrow the pattern or glob]\n"));
    }

    @Test
    void exactly_max_matches_is_not_reported_as_cut() throws IOException {
        write("a.txt", "x1\nx2\nx3\ny\n");

        assertThat(call(tool, root(), "pattern", "x", "max_matches", 3))
                .isEqualTo(ToolOutput.ok("a.txt:1: x1\na.txt:2: x2\na.txt:3: x3\n"));
    }

    @Test
    void caps_at_the_default_of_one_hundred_matches() throws IOException {
        write("a.txt", "hit\n".repeat(150));

        String content = call(tool, root(), "pattern", "hit").content();

        assertThat(content.lines().filter(l -> l.startsWith("a.txt:"))).hasSize(GrepTool.DEFAULT_MAX_MATCHES);
        assertThat(content).endsWith("a.txt:100: hit\n[... stopped after 100 matches; narrow the pattern or glob]\n");
    }

    @Test
    void refuses_a_max_matches_below_one() throws IOException {
        assertThat(call(tool, root(), "pattern", "x", "max_matches", 0))
                .isEqualTo(ToolOutput.error("grep: argument 'max_matches' must be at least 1, got 0"));
    }

    @Test
    void clips_very_long_lines() throws IOException {
        write("min.js", "needle" + "y".repeat(500) + "\n");

        assertThat(call(tool, root(), "pattern", "needle"))
                .isEqualTo(ToolOutput.ok("min.js:1: needle" + "y".repeat(GrepTool.MAX_LINE_CHARS - 6) + " [...]\n"));
    }

    @Test
    void skips_binary_files() throws IOException {
        Files.write(root().resolve("blob.bin"), "needle\0needle\n".getBytes(StandardCharsets.UTF_8));
        write("text.txt", "needle\n");

        assertThat(call(tool, root(), "pattern", "needle")).isEqualTo(ToolOutput.ok("text.txt:1: needle\n"));
    }

    @Test
    void skips_ignored_files() throws IOException {
        write(".gitignore", "build/\n*.min.js\n");
        write("build/gen.java", "needle\n");
        write("app.min.js", "needle\n");
        write("src/app.js", "needle\n");

        assertThat(call(tool, root(), "pattern", "needle")).isEqualTo(ToolOutput.ok("src/app.js:1: needle\n"));
    }

    @Test
    void says_when_nothing_matches() throws IOException {
        write("a.txt", "hay\n");

        assertThat(call(tool, root(), "pattern", "needle")).isEqualTo(ToolOutput.ok("no matches"));
    }

    @Test
    void refuses_a_path_outside_the_workspace() throws IOException {
        ToolOutput output = call(tool, root(), "pattern", "x", "path", "..");

        assertThat(output.error()).isTrue();
        assertThat(output.content()).contains("outside the workspace");
    }

    @Test
    void a_regex_that_overflows_the_matcher_stack_is_reported_not_thrown() throws IOException {
        write("long.txt", "ab".repeat(100_000) + "\n");

        ToolOutput[] output = new ToolOutput[1];
        assertThatCode(() -> output[0] = call(tool, root(), "pattern", "(a|b)*c")).doesNotThrowAnyException();
        assertThat(output[0].error() || output[0].content().equals("no matches")).as(output[0].content()).isTrue();
    }

    @Test
    void does_not_read_a_file_outside_the_workspace_through_a_symlink() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "password=hunter2\n");
        Files.createSymbolicLink(root().resolve("leak.txt"), outside.resolve("secret.txt"));

        ToolOutput output = call(tool, root(), "pattern", "password");

        assertThat(output.content()).doesNotContain("hunter2");
    }
}
