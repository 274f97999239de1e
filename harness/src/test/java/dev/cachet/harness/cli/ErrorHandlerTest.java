package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.error.CachetException;
import dev.cachet.context.error.ExitKind;
import dev.cachet.evals.TaskFormatException;
import dev.cachet.evals.corpus.CorpusException;
import dev.cachet.evals.matrix.ResultsFileException;
import dev.cachet.evals.suite.SuiteFormatException;
import dev.cachet.evals.suite.WorkspaceException;
import dev.cachet.evals.trace.TraceFormatException;
import dev.cachet.harness.InputException;
import dev.cachet.providers.ProviderException;
import dev.cachet.providers.pricing.PriceTableException;
import dev.cachet.providers.replay.RecordingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class ErrorHandlerTest {
    /** A failure type that no module has yet: the handler knows nothing of it but its kind. */
    private static final class QuotaSpentException extends CachetException {
        QuotaSpentException(String message) {
            super(ExitKind.LIMIT, message);
        }
    }

    private record Handled(int code, String err) {}

    @Test
    void a_new_exception_type_exits_with_its_kinds_code_and_prints_only_its_message() {
        Handled handled = handle(new QuotaSpentException("the team's monthly quota of $50 is spent"));

        assertThat(handled.code()).isEqualTo(4);
        assertThat(handled.err().lines()).containsExactly("cachet: the team's monthly quota of $50 is spent");
    }

    @ParameterizedTest
    @CsvSource({"USAGE, 1", "INPUT, 2", "PROVIDER, 3", "LIMIT, 4"})
    void each_kind_exits_with_the_code_the_readme_documents(ExitKind kind, int code) {
        assertThat(handle(new CachetException(kind, "failed") {}).code()).isEqualTo(code);
    }

    static Stream<Arguments> cachets_own_failures() {
        return Stream.of(
                Arguments.of(new InputException("m"), ExitCodes.INPUT),
                Arguments.of(new RecordingException("m"), ExitCodes.INPUT),
                Arguments.of(new PriceTableException("m", new IOException()), ExitCodes.INPUT),
                Arguments.of(new TaskFormatException("m"), ExitCodes.INPUT),
                Arguments.of(new SuiteFormatException("m"), ExitCodes.INPUT),
                Arguments.of(new TraceFormatException("m"), ExitCodes.INPUT),
                Arguments.of(new ResultsFileException("m"), ExitCodes.INPUT),
                Arguments.of(new CorpusException("m"), ExitCodes.INPUT),
                Arguments.of(new WorkspaceException("m"), ExitCodes.INPUT),
                Arguments.of(new ProviderException("m"), ExitCodes.PROVIDER));
    }

    @ParameterizedTest
    @MethodSource("cachets_own_failures")
    void every_modules_failures_exit_with_their_kinds_code(CachetException failure, int code) {
        assertThat(handle(failure)).isEqualTo(new Handled(code, "cachet: m" + System.lineSeparator()));
    }

    @Test
    void a_file_that_cannot_be_read_is_an_input_error_naming_the_file_and_the_cause() {
        Handled handled = handle(new UncheckedIOException("cannot read notes.md", new IOException("Permission denied")));

        assertThat(handled.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(handled.err().lines()).containsExactly("cachet: cannot read notes.md: Permission denied");
    }

    @Test
    void a_failure_wrapped_without_words_of_its_own_says_its_cause_once_with_the_file_it_names() {
        Map<IOException, String> said = Map.of(
                new IOException("No space left on device"), "cachet: No space left on device",
                new AccessDeniedException("/srv/repo/secret"), "cachet: /srv/repo/secret: permission denied",
                new NoSuchFileException("/srv/repo/gone"), "cachet: /srv/repo/gone: no such file",
                new FileSystemException("/srv/x", null, "Read-only file system"), "cachet: /srv/x: Read-only file system",
                new IOException(), "cachet: IOException");
        said.forEach((cause, line) -> {
            Handled handled = handle(new UncheckedIOException(cause));
            assertThat(handled.code()).isEqualTo(ExitCodes.INPUT);
            assertThat(handled.err().lines()).as(line).containsExactly(line);
        });
    }

    @Test
    void anything_else_is_an_internal_error_with_its_stack_trace() {
        Handled handled = handle(new IllegalStateException("no window rendered"));

        assertThat(handled.code()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(handled.err()).startsWith("cachet: internal error: java.lang.IllegalStateException: no window rendered")
                .contains("at dev.cachet.harness.cli.ErrorHandlerTest");
    }

    private static Handled handle(Exception e) {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(CommandSpec.create()).setErr(new PrintWriter(err, true));
        int code = new ErrorHandler().handleExecutionException(e, command, null);
        return new Handled(code, err.toString());
    }
}
