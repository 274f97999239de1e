package dev.cachet.harness.resume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.UserText;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggedSummariesTest {
    private final LoggedSummaries summaries = new LoggedSummaries(List.of("first", "second"),
            (previous, messages) -> "live");

    @Test
    void gives_the_logged_summaries_in_order_then_offline_ones_while_rebuilding_then_the_live_ones() {
        assertThat(summaries.summarize("", List.of())).isEqualTo("first");
        assertThat(summaries.summarize("first", List.of())).isEqualTo("second");
        assertThat(summaries.summarize("second", List.of(new UserText("hi")))).contains("user: hi");

        summaries.goLive();

        assertThat(summaries.summarize("", List.of())).isEqualTo("live");
    }

    @Test
    void a_logged_summary_left_unused_while_rebuilding_is_given_before_asking_the_model() {
        summaries.goLive();

        assertThat(summaries.summarize("", List.of())).isEqualTo("first");
    }
}
