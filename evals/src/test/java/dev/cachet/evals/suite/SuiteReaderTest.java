package dev.cachet.evals.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SuiteReaderTest {
    static final Path FIXTURES = Path.of("src/test/resources/suites");

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("suite.yaml"), yaml);
    }

    private void assertRejected(String yaml, String error) throws IOException {
        Path file = write(yaml);
        assertThatThrownBy(() -> Suite.read(file))
                .isInstanceOf(SuiteFormatException.class)
                .hasMessage(file + ":" + error);
    }

    @Test
    void reads_every_field_with_defaults_and_overrides() {
        Path file = FIXTURES.resolve("full.yaml");

        Suite suite = Suite.read(file);

        assertThat(suite.name()).isEqualTo("wrap bugs");
        assertThat(suite.file()).isEqualTo(file);
        assertThat(suite.tasks()).containsExactly(
                new SuiteTask(
                        "wrap-off-by-one",
                        FIXTURES.toAbsolutePath().resolve("../repos/wrap").normalize().toString(),
                        "v1.0",
                        Optional.of("sh build.sh"),
                        "The tests fail.\nFix the bug.\n",
                        "sh check.sh",
                        new RunBudget(Optional.of("claude-sonnet-4-5"), 40, OptionalDouble.of(1.5),
                                Duration.ofMinutes(20), Duration.ofSeconds(90)),
                        List.of("bug", "java"),
                        List.of("src/test", "build.gradle"),
                        true),
                new SuiteTask(
                        "verbose_flag.2",
                        "https://example.com/project.git",
                        "HEAD",
                        Optional.empty(),
                        "Add a --verbose flag.",
                        "make test",
                        new RunBudget(Optional.of("claude-sonnet-4-5"), 80, OptionalDouble.of(3),
                                Duration.ofHours(1), Duration.ofSeconds(90)),
                        List.of(),
                        List.of(),
                        false));
    }

    @Test
    void absent_optional_fields_take_the_defaults() {
        SuiteTask task = Suite.read(FIXTURES.resolve("minimal.yaml")).tasks().get(0);

        assertThat(task.repo()).isEqualTo("git@example.com:team/project.git");
        assertThat(task.commit()).isEqualTo("HEAD");
        assertThat(task.setup()).isEmpty();
        assertThat(task.tags()).isEmpty();
        assertThat(task.budget()).isEqualTo(RunBudget.DEFAULT);
        assertThat(RunBudget.DEFAULT).isEqualTo(new RunBudget(
                Optional.empty(), 50, OptionalDouble.empty(), Duration.ofMinutes(30), Duration.ofMinutes(5)));
    }

    static Stream<InvalidSuites.Case> invalidSuites() {
        return InvalidSuites.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSuites")
    void an_invalid_suite_is_rejected_naming_file_line_and_field(InvalidSuites.Case invalid) throws IOException {
        assertRejected(invalid.yaml(), invalid.error());
    }

    @Test
    void a_duplicate_id_names_both_lines() throws IOException {
        assertRejected("""
                name: demo
                tasks:
                  - id: a
                    repo: r
                    prompt: p
                    check: c
                  - id: a
                    repo: r
                    prompt: p
                    check: c
                """, "7: tasks[1].id: duplicate id \"a\", first used at line 3");
    }

    @Test
    void a_duplicate_key_names_both_lines() throws IOException {
        assertRejected("""
                name: demo
                tasks:
                  - id: a
                    repo: r
                    prompt: p
                    prompt: q
                    check: c
                """, "6: tasks[0].prompt: duplicate key, first at line 5");
    }

    @Test
    void a_yaml_syntax_error_names_the_line() throws IOException {
        Path file = write("""
                name: demo
                tasks:
                  - id: a
                   repo: [r
                """);

        assertThatThrownBy(() -> Suite.read(file))
                .isInstanceOf(SuiteFormatException.class)
                .hasMessageStartingWith(file + ":4: invalid YAML: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void an_empty_file_is_rejected() throws IOException {
        assertRejected("# nothing yet\n", "1: the file is empty");
    }

    @Test
    void a_second_document_is_rejected() throws IOException {
        assertRejected("""
                name: demo
                tasks:
                  - id: a
                    repo: r
                    prompt: p
                    check: c
                ---
                name: other
                """, "8: expected a single YAML document");
    }

    @Test
    void a_missing_file_is_named() {
        Path file = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> Suite.read(file))
                .isInstanceOf(SuiteFormatException.class)
                .hasMessage("suite not found: " + file);
    }
}
