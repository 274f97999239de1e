package dev.cachet.tools.files;

import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.ToolException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {
    private static final TimeLimit LONG = TimeLimit.of(Duration.ofMinutes(1));
    private static final List<String> PATHS = List.of("src/Main.java", "target", "a/target", "target/x.class",
            "app.log", "web/node_modules", "report.20260101.101010.123.0.json", "report.1.2.json", "py/__pycache__",
            "py/m.pyc", "py/m.py", ".vscode/settings.json", ".vscode/other.json", "notes.mm.txt", ".mycrunch.local.xml",
            "x.generated.ts", "docs/generated/api/a.html", "docs/generated/api/index.html", "lib/fixtures/deep/a.snap",
            "packages/build", "packages/other", "Debug", "debug.txt", "img.svg", ".x.swp", ".env", ".env.example",
            "readme~", "Generated Files", "#draft#", "secrets", "sub/secrets", "config/local-dev.yaml", "scratch");

    private static IgnoreRules parse(String content, IgnoreRules... above) throws IOException {
        return IgnoreRules.parse("sub/.gitignore", stream(content), List.of(above));
    }

    private static InputStream stream(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String lines(int count, String format) {
        return IntStream.range(0, count).mapToObj(i -> String.format(format, i) + "\n").collect(Collectors.joining());
    }

    @Test
    void a_large_real_gitignore_is_taken_whole_and_decides_as_jgit_does() throws Exception {
        byte[] content;
        try (InputStream in = getClass().getResourceAsStream("/gitignore/realistic.gitignore")) {
            content = in.readAllBytes();
        }
        IgnoreNode jgit = new IgnoreNode();
        jgit.parse(new ByteArrayInputStream(content));

        IgnoreRules rules = IgnoreRules.parse(".gitignore", new ByteArrayInputStream(content), List.of());

        assertThat(rules.size()).isEqualTo(jgit.getRules().size()).isGreaterThan(400);
        assertThat(rules.leftOut()).isEmpty();
        for (String path : PATHS) {
            for (boolean directory : new boolean[] {false, true}) {
                assertThat(rules.verdict(path, directory, LONG)).as(path + (directory ? "/" : ""))
                        .isEqualTo(Optional.ofNullable(jgit.checkIgnored(path, directory)));
            }
        }
    }

    @Test
    void counts_the_stars_of_each_name_but_not_a_folder_wildcard() {
        assertThat(IgnoreRules.mostStarsInOneName("report.[0-9]*.[0-9]*.[0-9]*.[0-9]*.json")).isEqualTo(4);
        assertThat(IgnoreRules.mostStarsInOneName("!**/a*b/**/c*d*e/**")).isEqualTo(2);
        assertThat(IgnoreRules.mostStarsInOneName("a**b")).isEqualTo(2);
        assertThat(IgnoreRules.mostStarsInOneName("docs/build")).isZero();
    }

    @Test
    void leaves_out_a_rule_with_any_folders_and_more_than_two_stars_in_a_name_each_folder_tries() throws Exception {
        IgnoreRules rules = parse("**/*.log\n**/*.min.*\n**/*a*a*ab/**/q\nbuild/**/a*a*a*b\nx*y*z\n");

        assertThat(rules.size()).isEqualTo(3);
        assertThat(rules.verdict("a/b/c.min.js", false, LONG)).contains(true);
        assertThat(rules.leftOut()).contains("sub/.gitignore: 2 rules with '**' and more than 2 '*' in one name, the"
                + " first on line 3 (**/*a*a*ab/**/q)");
    }

    @Test
    void leaves_out_a_rule_with_more_than_four_stars_in_a_name_and_says_where_the_first_was() throws Exception {
        IgnoreRules rules = parse("# comment\n*.log\na*a*a*a*a*b\nkeep/a*a*a*a*b\n!x*x*x*x*x*x/\n");

        assertThat(rules.size()).isEqualTo(2);
        assertThat(rules.verdict("aaaaaaab", false, LONG)).isEmpty();
        assertThat(rules.verdict("keep/aaaab", false, LONG)).contains(true);
        assertThat(rules.leftOut()).contains("sub/.gitignore: 2 rules with more than 4 '*' in one name, the first on"
                + " line 3 (a*a*a*a*a*b)");
    }

    @Test
    void takes_rules_while_those_in_scope_number_fewer_than_the_cap() throws Exception {
        IgnoreRules above = parse(lines(IgnoreRules.MAX_RULES_IN_SCOPE - 2, "r%d.tmp"));
        IgnoreRules rules = parse("a\n\n# b\nb\nc\nd\n", above);

        assertThat(rules.size()).isEqualTo(2);
        assertThat(rules.verdict("b", false, LONG)).contains(true);
        assertThat(rules.verdict("c", false, LONG)).isEmpty();
        assertThat(rules.leftOut()).contains("sub/.gitignore: its rules from line 5 on, past the 10,000 rules or"
                + " 262,144 characters of ignore files that may apply at once");
        assertThat(parse("a\n", above, rules).size()).isZero();
    }

    @Test
    void takes_rules_while_their_characters_in_scope_fit() throws Exception {
        String longRule = "x".repeat(IgnoreRules.MAX_CHARS_IN_SCOPE / 2);

        IgnoreRules rules = parse("short\n" + longRule + "\n" + longRule + "\n");

        assertThat(rules.size()).isEqualTo(2);
        assertThat(rules.leftOut()).hasValueSatisfying(said -> assertThat(said).contains("from line 3 on"));
    }

    @Test
    void says_what_was_left_out_of_a_few_files_on_one_line() {
        List<String> leftOut = IntStream.range(0, 7).mapToObj(i -> "f" + i + "/.gitignore: why").toList();

        assertThat(IgnoreRules.said(List.of())).isEmpty();
        assertThat(IgnoreRules.said(leftOut)).contains("[ignore rules left out, as too costly to match: f0/.gitignore:"
                + " why; f1/.gitignore: why; f2/.gitignore: why; f3/.gitignore: why; f4/.gitignore: why; and in 2 more"
                + " files]\n");
    }

    @Test
    void stops_matching_once_the_time_limit_passes() throws Exception {
        IgnoreRules rules = parse("*.log\n");

        assertThatExceptionOfType(ToolException.class)
                .isThrownBy(() -> rules.verdict("a.log", false, TimeLimit.of(Duration.ofNanos(-1))))
                .withMessage("still matching the rules of sub/.gitignore against a.log after 0ms, the command timeout:"
                        + " rules with several '*' in one name take long against long names, and very many rules add"
                        + " up; simplify them");
    }

    @Test
    void stops_matching_when_a_stop_interrupts_it() throws Exception {
        IgnoreRules rules = parse("*.log\n");

        Thread.currentThread().interrupt();
        try {
            assertThatExceptionOfType(ToolException.class).isThrownBy(() -> rules.verdict("a.log", false, LONG))
                    .withMessage("stopped while matching the rules of sub/.gitignore against a.log");
        } finally {
            Thread.interrupted();
        }
    }
}
