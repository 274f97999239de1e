package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    @Test
    void the_factor_comes_from_growth_and_the_unseen_prefix_from_the_first_call() {
        // The provider counts 1.2 of its tokens per o200k token and sent 15,000 tokens the log does not hold:
        // windows of 1,000, 3,000 and 6,000 were billed 15,000 + 1,200, + 3,600 and + 7,200.
        Calibration fit = Calibration.fit(List.of(16_200L, 18_600L, 22_200L), List.of(1_000L, 3_000L, 6_000L));

        // growth: (2,400 + 3,600) / (2,000 + 3,000) = 1.2; unseen: 16,200 - 1.2 x 1,000 = 15,000
        assertThat(fit.factor()).isCloseTo(1.2, within(1e-9));
        assertThat(fit.unseenPrefix()).isEqualTo(15_000);
        assertThat(fit.estimated()).isFalse();
    }

    @Test
    void calls_where_the_original_shrank_its_window_are_left_out_of_the_factor() {
        // The second call followed a compaction in the original: its bill fell while the rebuilt window grew.
        Calibration fit = Calibration.fit(List.of(11_000L, 5_000L, 7_000L), List.of(1_000L, 2_000L, 4_000L));

        // only 5,000 -> 7,000 against 2,000 -> 4,000 counts: factor 1.0; unseen 11,000 - 1,000 = 10,000
        assertThat(fit.factor()).isCloseTo(1.0, within(1e-9));
        assertThat(fit.unseenPrefix()).isEqualTo(10_000);
    }

    @Test
    void a_factor_no_tokenizer_could_explain_falls_back_to_o200k() {
        Calibration fit = Calibration.fit(List.of(1_000L, 9_000L), List.of(1_000L, 2_000L));

        assertThat(fit.factor()).isEqualTo(1.0);
        assertThat(fit.unseenPrefix()).isZero();
    }

    @Test
    void a_single_call_keeps_o200k_and_puts_the_difference_in_the_prefix() {
        Calibration fit = Calibration.fit(List.of(20_000L), List.of(4_000L));

        assertThat(fit.factor()).isEqualTo(1.0);
        assertThat(fit.unseenPrefix()).isEqualTo(16_000);
    }
}
