package dev.cachet.harness.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StyleTest {
    @Test
    void colours_only_on_a_terminal_that_is_not_dumb_and_not_under_no_color() {
        assertThat(Style.detect(Map.of("TERM", "xterm-256color"), true).colour()).isTrue();
        assertThat(Style.detect(Map.of("TERM", "xterm-256color"), false).colour()).isFalse();
        assertThat(Style.detect(Map.of("TERM", "dumb"), true).colour()).isFalse();
        assertThat(Style.detect(Map.of("NO_COLOR", "1"), true).colour()).isFalse();
        // no-color.org: set to a non-empty value; an empty one does not count.
        assertThat(Style.detect(Map.of("NO_COLOR", ""), true).colour()).isTrue();
    }

    @Test
    void plain_style_leaves_text_as_it_is() {
        assertThat(Style.PLAIN.red("x")).isEqualTo("x");
        assertThat(new Style(true).red("x")).isEqualTo("\u001b[31mx\u001b[0m");
    }
}
