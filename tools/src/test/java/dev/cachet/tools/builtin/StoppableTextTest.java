package dev.cachet.tools.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StoppableTextTest {
    private static final Pattern BACKTRACKING = Pattern.compile("(.*A){15}B");
    private static final String LINE = "A".repeat(112);

    @Test
    void matches_as_the_text_itself_does_before_its_deadline() {
        StoppableText text = new StoppableText("a src/app.py b", System.nanoTime() + 60_000_000_000L);

        assertThat(Pattern.compile("\\w+/\\w+\\.py").matcher(text).find()).isTrue();
        assertThat(text.toString()).isEqualTo("a src/app.py b");
    }

    @Test
    void a_match_past_its_deadline_is_ended() {
        StoppableText.Stopped stopped = catchThrowableOfType(StoppableText.Stopped.class,
                () -> BACKTRACKING.matcher(new StoppableText(LINE, System.nanoTime())).find());

        assertThat(stopped.interrupted()).isFalse();
    }

    @Test
    void a_match_on_an_interrupted_thread_is_ended_and_the_interrupt_kept() {
        Thread.currentThread().interrupt();
        try {
            StoppableText.Stopped stopped = catchThrowableOfType(StoppableText.Stopped.class,
                    () -> BACKTRACKING.matcher(new StoppableText(LINE, System.nanoTime() + 60_000_000_000L)).find());

            assertThat(stopped.interrupted()).isTrue();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
