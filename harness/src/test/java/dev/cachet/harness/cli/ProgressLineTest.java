package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final StringWriter text = new StringWriter();

    @Test
    void off_a_terminal_a_line_is_written_each_time_the_bar_grows_not_for_every_step() {
        ProgressLine progress = new ProgressLine(new PrintWriter(text), false);

        for (int done = 1; done <= 2_000; done++) {
            progress.show(done, 2_000, "file-" + done);
        }
        progress.finish();

        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(21);
        assertThat(lines[0]).isEqualTo("[....................] 1/2000  file-1");
        assertThat(lines[1]).isEqualTo("[#...................] 100/2000  file-100");
        assertThat(lines[20]).isEqualTo("[####################] 2000/2000  file-2000");
    }

    @Test
    void off_a_terminal_few_steps_each_get_their_line() {
        ProgressLine progress = new ProgressLine(new PrintWriter(text), false);

        progress.show(1, 3, "a");
        progress.show(2, 3, "b");
        progress.show(3, 3, "c");

        assertThat(text.toString()).isEqualTo(
                "[######..............] 1/3  a\n[#############.......] 2/3  b\n[####################] 3/3  c\n");
    }

    @Test
    void on_a_terminal_every_step_redraws_the_one_line() {
        ProgressLine progress = new ProgressLine(new PrintWriter(text), true);

        progress.show(1, 2_000, "a");
        progress.show(2, 2_000, "b");
        progress.finish();

        assertThat(text.toString()).isEqualTo(
                "\r[....................] 1/2000  a\r[....................] 2/2000  b\n");
    }
}
