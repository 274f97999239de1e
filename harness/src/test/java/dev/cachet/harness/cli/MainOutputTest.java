package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.harness.view.TerminalText;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainOutputTest {
    @Test
    void what_a_command_prints_from_a_log_shows_its_controls_and_keeps_progress_lines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = Main.shownOn(bytes, StandardCharsets.UTF_8);

        // A session row whose project folder a log names with an escape sequence in it, then a progress line.
        out.println("2026-12-05  /home/u/\u001b]0;owned\u0007proj  $1.20 ✓");
        out.print(TerminalText.RETURN);
        out.print("read 12 files\r12 of 12");
        out.flush();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("2026-12-05  /home/u/\\u001b]0;owned\\u0007proj  $1.20 ✓"
                + System.lineSeparator() + "\rread 12 files\\r12 of 12");
    }
}
