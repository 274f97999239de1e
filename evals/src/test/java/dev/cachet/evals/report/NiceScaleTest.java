package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.report.SvgChart.Unit;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class NiceScaleTest {
    private static final double[][] RANGES = {{0, 0.37}, {0, 150}, {0, 152}, {0, 1}, {0, 7}, {-3, 12}, {0, 123_456},
            {0, 1e-5}, {5, 5}, {0, 0.1}, {0, 0.0133}, {0, 38.7}, {0, 170_066}, {-0.06, 1.06}, {0, 2.2}, {0, 0.9},
            {0, 12_345_678}, {0, 0.0625}, {0, 0.015}, {0, 420}};

    @Test
    void a_152_call_session_gets_an_axis_ending_at_160_not_200() {
        NiceScale scale = NiceScale.covering(0, 152, 5, true);

        assertThat(scale.max()).isEqualTo(160);
        assertThat(scale.ticks()).containsExactly(0.0, 50.0, 100.0, 150.0);
    }

    @Test
    void ends_on_the_next_tick_when_that_is_just_past_the_data() {
        assertThat(NiceScale.covering(0, 0.37, 5, false).max()).isEqualTo(0.4);
        assertThat(NiceScale.covering(0, 38.7, 5, false).max()).isEqualTo(40);
        assertThat(NiceScale.covering(0, 1, 5, false).max()).isEqualTo(1);
    }

    @Test
    void bounds_are_just_past_the_data_with_ticks_inside_them() {
        for (double[] range : RANGES) {
            for (boolean whole : List.of(false, true)) {
                NiceScale scale = NiceScale.covering(range[0], range[1], 5, whole);
                double high = range[1] > range[0] ? range[1] : range[0] + Math.max(1, Math.abs(range[0]));

                assertThat(scale.min()).as("%s", scale).isLessThanOrEqualTo(range[0])
                        .isGreaterThanOrEqualTo(range[0] - 0.5 * scale.step() - (whole ? 1 : 0));
                assertThat(scale.max()).as("%s", scale).isGreaterThanOrEqualTo(high)
                        .isLessThanOrEqualTo(high + 0.5 * scale.step() + (whole ? 1 : 0));
                assertThat(scale.ticks()).as("%s", scale).hasSizeBetween(whole ? 2 : 3, 7)
                        .allSatisfy(tick -> assertThat(tick).isBetween(scale.min(), scale.max()));
                if (range[0] <= 0 && range[1] >= 0) {
                    assertThat(scale.ticks()).as("%s", scale).contains(0.0);
                }
            }
        }
        assertThat(NiceScale.covering(0, 10, 5, true).ticks()).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0, 10.0);
        assertThat(NiceScale.covering(0, 2, 5, true).ticks()).containsExactly(0.0, 1.0, 2.0);
    }

    @Test
    void tick_labels_are_distinct_and_exact_with_decimals_from_the_step() {
        for (double[] range : RANGES) {
            NiceScale scale = NiceScale.covering(range[0], range[1], 5, false);
            for (Unit unit : Unit.values()) {
                List<String> labels = scale.ticks().stream().map(tick -> unit.tick(tick, scale.step())).toList();

                assertThat(labels).as("%s %s", unit, scale).doesNotHaveDuplicates();
                for (int i = 0; i < labels.size(); i++) {
                    double tick = scale.ticks().get(i);
                    assertThat(value(labels.get(i), unit)).as("%s of %s", labels.get(i), scale)
                            .isCloseTo(tick, Offset.offset(Math.abs(tick) * 1e-9 + 1e-12));
                }
            }
        }
    }

    @Test
    void dollars_keep_their_third_decimal() {
        NiceScale scale = NiceScale.covering(0, 0.1, 5, false);

        assertThat(scale.ticks().stream().map(tick -> Unit.USD.tick(tick, scale.step())))
                .containsExactly("$0.000", "$0.025", "$0.050", "$0.075", "$0.100");
        assertThat(Unit.USD.tick(0.025, 0.025)).isEqualTo("$0.025");
        assertThat(Unit.USD.tick(20, 10)).isEqualTo("$20.00");
        assertThat(Unit.PERCENT.tick(0.025, 0.025)).isEqualTo("2.5%");
    }

    /** What a tick label says, as a number. */
    private static double value(String label, Unit unit) {
        String digits = label.replace("$", "").replace("%", "");
        double multiplier = digits.endsWith("M") ? 1e6 : digits.endsWith("k") ? 1e3 : 1;
        if (multiplier > 1) {
            digits = digits.substring(0, digits.length() - 1);
        }
        double value = Double.parseDouble(digits) * multiplier;
        return unit == Unit.PERCENT ? value / 100 : value;
    }
}
