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
    void a_signed_error_too_small_to_show_has_no_sign_of_its_own() {
        assertThat(Formats.points(-0.0004)).isEqualTo("+0.0 pt");
        assertThat(Formats.points(-0.0012)).isEqualTo("-0.1 pt");
        assertThat(Formats.signedPercent(-0.0004)).isEqualTo("+0.0%");
        assertThat(Formats.signedPercent(0.0236)).isEqualTo("+2.4%");
        assertThat(Formats.signedPercent(-0.0236)).isEqualTo("-2.4%");
        // A negative error rounds as far from zero as a positive one.
        assertThat(Formats.signedPercent(-0.0125)).isEqualTo("-1.3%");
        assertThat(Formats.points(-0.0005)).isEqualTo("-0.1 pt");
        assertThat(Formats.signedPercent(-0.0001)).isEqualTo("+0.0%");
    }

    @Test
    void keeps_the_end_of_a_long_name() {
        assertThat(Formats.keepEnd("claude-sonnet-4-5-20250929", 18)).isEqualTo("...et-4-5-20250929").hasSize(18);
        assertThat(Formats.keepEnd("claude-opus-4-6", 18)).isEqualTo("claude-opus-4-6");
    }

    @Test
    void a_long_model_name_loses_its_provider_its_date_then_claudes_name_never_its_family_version_or_billing() {
        assertThat(Formats.modelName("claude-opus-4-6", 18)).isEqualTo("claude-opus-4-6");
        assertThat(Formats.modelName("claude-sonnet-4-5-20250929", 18)).isEqualTo("claude-sonnet-4-5");
        assertThat(Formats.modelName("anthropic/claude-3-5-sonnet-20241022", 18)).isEqualTo("claude-3-5-sonnet");
        assertThat(Formats.modelName("openai/gpt-4o-2024-08-06", 18)).isEqualTo("gpt-4o-2024-08-06");
        assertThat(Formats.modelName("openai/gpt-4o-mini-2024-07-18", 18)).isEqualTo("gpt-4o-mini");
        // The way a call was billed (fast mode, in the US alone) tells it apart: Claude's own name goes first.
        assertThat(Formats.modelName("claude-opus-4-6-fast", 18)).isEqualTo("opus-4-6-fast");
        assertThat(Formats.modelName("claude-opus-4-6-fast@us", 18)).isEqualTo("opus-4-6-fast@us");
        assertThat(Formats.modelName("accounts/fireworks/models/qwen3-coder-480b-a35b-instruct", 18))
                .isEqualTo("qwen3-c...instruct").hasSize(18);
    }
}
