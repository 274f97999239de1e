package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void formats_money_shares_ratios_and_counts() {
        assertThat(Formats.usd(0.123456)).isEqualTo("$0.1235");
        assertThat(Formats.usd(12)).isEqualTo("$12.0000");
        assertThat(Formats.percent(0.4545)).isEqualTo("45.5%");
        assertThat(Formats.percent(1)).isEqualTo("100.0%");
        assertThat(Formats.ratio(0.5)).isEqualTo("0.50×");
        assertThat(Formats.ratio(null)).isEqualTo("n/a");
        assertThat(Formats.count(1_234_567)).isEqualTo("1,234,567");
    }

    @Test
    void keeps_the_end_of_a_long_name() {
        assertThat(Formats.keepEnd("claude-sonnet-4-5-20250929", 18)).isEqualTo("...et-4-5-20250929").hasSize(18);
        assertThat(Formats.keepEnd("claude-opus-4-6", 18)).isEqualTo("claude-opus-4-6");
    }
}
