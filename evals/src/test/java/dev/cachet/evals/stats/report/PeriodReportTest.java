package dev.cachet.evals.stats.report;

import static dev.cachet.evals.stats.report.ReportCalls.LARGE;
import static dev.cachet.evals.stats.report.ReportCalls.PRICER;
import static dev.cachet.evals.stats.report.ReportCalls.SMALL;
import static dev.cachet.evals.stats.report.ReportCalls.call;
import static dev.cachet.evals.stats.report.ReportCalls.cost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.evals.stats.Call;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeriodReportTest {
    // Sunday 2026-01-04 23:30 UTC is Monday 00:30 in Paris (UTC+1): another day, another ISO week there.
    private static final List<Call> CALLS = List.of(
            call("a", "small", "2026-01-04T23:30:00Z", 1000, 100),
            call("a", "large", "2026-01-05T09:00:00Z", 2000, 200),
            call("b", "small", "2026-01-31T23:30:00Z", 3000, 300),
            call("b", "small", "2026-02-01T10:00:00Z", 4000, 400));

    @Test
    void days_are_counted_in_the_time_zone_given() {
        PeriodReport utc = PeriodReport.of(CALLS, Period.DAILY, ZoneOffset.UTC, PRICER);
        PeriodReport paris = PeriodReport.of(CALLS, Period.DAILY, ZoneId.of("Europe/Paris"), PRICER);

        assertThat(utc.periods()).extracting(PeriodUsage::period, PeriodUsage::calls)
                .containsExactly(tuple("2026-01-04", 1), tuple("2026-01-05", 1), tuple("2026-01-31", 1),
                        tuple("2026-02-01", 1));
        assertThat(paris.periods()).extracting(PeriodUsage::period, PeriodUsage::calls)
                .containsExactly(tuple("2026-01-05", 2), tuple("2026-02-01", 2));
        PeriodUsage monday = paris.periods().get(0);
        assertThat(monday.costUsd()).isCloseTo(cost(SMALL, 1000, 100) + cost(LARGE, 2000, 200), within(1e-12));
        assertThat(monday.models()).extracting(m -> m.model() + " " + m.calls()).containsExactly("small 1", "large 1");
        assertThat(monday.models().get(1).costUsd()).isCloseTo(cost(LARGE, 2000, 200), within(1e-12));
    }

    @Test
    void a_day_is_the_one_its_call_falls_in_across_a_change_of_clocks_and_calls_out_of_order() {
        // Paris moves from UTC+1 to UTC+2 at 01:00 UTC on 2026-03-29: 22:30 UTC is 23:30 before, 00:30 after.
        List<Call> calls = List.of(
                call("a", "small", "2026-03-28T22:30:00Z", 1, 1),
                call("a", "small", "2026-03-29T22:30:00Z", 2, 1),
                call("a", "small", "2026-03-29T21:59:59Z", 4, 1),
                call("b", "small", "2026-03-28T22:59:59Z", 8, 1),
                call("b", "small", "2026-03-28T23:00:00Z", 16, 1));

        assertThat(PeriodReport.of(calls, Period.DAILY, ZoneId.of("Europe/Paris"), PRICER).periods())
                .extracting(PeriodUsage::period, p -> p.usage().uncachedInput())
                .containsExactly(tuple("2026-03-28", 9L), tuple("2026-03-29", 20L), tuple("2026-03-30", 2L));
    }

    @Test
    void weeks_start_on_monday_and_months_on_the_first_in_the_time_zone() {
        assertThat(PeriodReport.of(CALLS, Period.WEEKLY, ZoneOffset.UTC, PRICER).periods())
                .extracting(PeriodUsage::period, PeriodUsage::calls)
                .containsExactly(tuple("2025-12-29", 1), tuple("2026-01-05", 1), tuple("2026-01-26", 2));
        assertThat(PeriodReport.of(CALLS, Period.WEEKLY, ZoneId.of("Europe/Paris"), PRICER).periods())
                .extracting(PeriodUsage::period, PeriodUsage::calls)
                .containsExactly(tuple("2026-01-05", 2), tuple("2026-01-26", 2));
        assertThat(PeriodReport.of(CALLS, Period.MONTHLY, ZoneOffset.UTC, PRICER).periods())
                .extracting(PeriodUsage::period, PeriodUsage::calls)
                .containsExactly(tuple("2026-01", 3), tuple("2026-02", 1));
        assertThat(PeriodReport.of(CALLS, Period.MONTHLY, ZoneId.of("Europe/Paris"), PRICER).periods())
                .extracting(PeriodUsage::period, PeriodUsage::calls)
                .containsExactly(tuple("2026-01", 2), tuple("2026-02", 2));
    }

    @Test
    void the_total_is_the_sum_of_the_periods_and_undated_calls_are_in_none() {
        Call undated = new Call("c", "main", Optional.of("small"), Optional.empty(), CALLS.get(0).usage());
        List<Call> calls = new java.util.ArrayList<>(CALLS);
        calls.add(undated);

        PeriodReport report = PeriodReport.of(calls, Period.MONTHLY, ZoneOffset.UTC, PRICER);

        assertThat(report.undatedCalls()).isOne();
        assertThat(report.total().calls()).isEqualTo(4);
        assertThat(report.total().usage().uncachedInput()).isEqualTo(10_000);
        assertThat(report.total().usage().output()).isEqualTo(1_000);
        assertThat(report.total().costUsd()).isCloseTo(report.periods().stream().mapToDouble(PeriodUsage::costUsd).sum(),
                within(1e-12)).isCloseTo(cost(SMALL, 8000, 800) + cost(LARGE, 2000, 200), within(1e-12));
    }

    @Test
    void a_range_keeps_the_days_from_since_to_until_in_its_time_zone() {
        DateRange january = new DateRange(Optional.of(LocalDate.of(2026, 1, 5)), Optional.of(LocalDate.of(2026, 1, 31)),
                ZoneOffset.UTC);
        DateRange paris = new DateRange(Optional.of(LocalDate.of(2026, 1, 5)), Optional.empty(), ZoneId.of("Europe/Paris"));

        assertThat(CALLS.stream().filter(call -> january.contains(call.at())).map(call -> call.usage().orElseThrow().output()))
                .containsExactly(200L, 300L);
        assertThat(CALLS.stream().filter(call -> paris.contains(call.at()))).hasSize(4);
        assertThat(january.contains(Optional.empty())).isFalse();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
