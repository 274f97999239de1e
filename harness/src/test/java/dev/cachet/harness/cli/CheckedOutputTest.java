package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckedOutputTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void a_report_written_to_a_full_disk_fails_the_command_saying_why() throws IOException {
        try (CheckedOutput full = new CheckedOutput(new FileOutputStream("/dev/full"), false)) {
            print(full, "session  cost\n".repeat(1_000));

            assertThat(full.status(ExitCodes.OK, errors())).isEqualTo(ExitCodes.INPUT);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo("cachet: cannot write the output: No space left on device\n");
            assertThat(full.status(ExitCodes.PROVIDER, errors())).as("a failure of its own stays").isEqualTo(3);
        }
    }

    @Test
    void output_written_whole_or_to_a_reader_that_stopped_reading_leaves_the_status_as_it_was() {
        CheckedOutput written = new CheckedOutput(new ByteArrayOutputStream(), false);
        print(written, "total: 1 session\n");
        // A closed pipe, as the JVM words it in a German locale.
        CheckedOutput closed = new CheckedOutput(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Datenübergabe unterbrochen (broken pipe)");
            }
        }, true);
        print(closed, "total: 1 session\n");

        assertThat(written.status(ExitCodes.OK, errors())).isEqualTo(ExitCodes.OK);
        assertThat(closed.status(ExitCodes.OK, errors())).isEqualTo(ExitCodes.OK);
        assertThat(err.size()).isZero();
    }

    @Test
    void a_pipe_or_a_socket_is_told_from_a_file_by_what_its_descriptor_names(@TempDir Path fds) throws IOException {
        Path pipe = Files.createSymbolicLink(fds.resolve("1"), Path.of("pipe:[41]"));
        Path socket = Files.createSymbolicLink(fds.resolve("2"), Path.of("socket:[42]"));
        Path file = Files.createSymbolicLink(fds.resolve("3"), fds.resolve("report.json"));

        assertThat(CheckedOutput.toPipe(pipe)).isTrue();
        assertThat(CheckedOutput.toPipe(socket)).isTrue();
        assertThat(CheckedOutput.toPipe(file)).isFalse();
        assertThat(CheckedOutput.toPipe(fds.resolve("none"))).isFalse();
    }

    /** As a command prints: through a PrintWriter, which keeps the failure to itself. */
    private static void print(CheckedOutput out, String text) {
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        writer.print(text);
        writer.flush();
    }

    private PrintStream errors() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }
}
