package dev.cachet.evals.stats.report;

import static dev.cachet.evals.stats.report.ReportCalls.PRICER;
import static dev.cachet.evals.stats.report.ReportCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cachet.evals.stats.Call;
import dev.cachet.evals.stats.CallView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PeriodTotalsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Sessions whose days overlap, a model new in the second, and a call with no time. */
    private static final List<List<Call>> SESSIONS = List.of(
            List.of(call("a", "small", "2026-01-04T23:30:00Z", 1000, 100),
                    call("a", "large", "2026-01-05T09:00:00Z", 2000, 200)),
            List.of(call("b", "small", "2026-01-04T22:00:00Z", 3000, 300),
                    new Call("b", "main", Optional.of("odd"), Optional.empty(), Optional.empty()),
                    call("b", "odd", "2026-01-05T10:00:00Z", 4000, 400)),
            List.of(call("c", "large", "2026-02-01T10:00:00Z", 5000, 500)));

    @Test
    void sessions_added_one_by_one_give_the_report_of_all_their_calls_at_once() {
        List<Call> all = new ArrayList<>();
        SESSIONS.forEach(all::addAll);
        for (Period period : Period.values()) {
            PeriodTotals totals = new PeriodTotals(period, PARIS, PRICER);
            SESSIONS.forEach(session -> totals.add(CallView.of(session)));

            // Equal to the last bit: the same calls, added up in the same order.
            assertThat(totals.report()).as("%s", period).isEqualTo(PeriodReport.of(all, period, PARIS, PRICER));
        }
    }

    @Test
    void a_report_counts_every_call_it_was_given_and_dates_none_without_a_time() {
        PeriodTotals totals = new PeriodTotals(Period.DAILY, PARIS, PRICER);
        SESSIONS.forEach(session -> totals.add(CallView.of(session)));

        PeriodReport report = totals.report();

        assertThat(report.undatedCalls()).isOne();
        assertThat(report.total().calls()).isEqualTo(5);
        assertThat(report.periods()).extracting(PeriodUsage::period, PeriodUsage::calls).containsExactly(
                tuple("2026-01-04", 1), tuple("2026-01-05", 3), tuple("2026-02-01", 1));
        assertThat(report.periods().get(1).models()).extracting(m -> m.model())
                .as("in the order each first answered that day").containsExactly("small", "large", "odd");
    }

    /** Through two years of changes of clocks, in order and out of it, each call on the day it falls in there. */
    @Test
    void each_call_is_on_the_day_it_falls_in_in_its_time_zone_whatever_the_order() {
        Random random = new Random(8);
        List<Call> calls = new ArrayList<>();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < 3_000; i++) {
            // Some on the second of a change of clocks, and the seconds either side of it.
            Instant at = i % 10 == 0
                    ? PARIS.getRules().nextTransition(start.plusSeconds(random.nextInt(63_072_000))).getInstant()
                            .plusSeconds(random.nextInt(3) - 1)
                    : start.plusSeconds(random.nextInt(63_072_000));
            calls.add(call("s", "small", at.toString(), 1, 1));
        }
        List<Call> sorted = calls.stream().sorted(Comparator.comparing(call -> call.at().orElseThrow())).toList();
        for (List<Call> given : List.of(calls, sorted)) {
            PeriodTotals totals = new PeriodTotals(Period.DAILY, PARIS, PRICER);
            totals.add(CallView.of(given));

            Map<String, Long> expected = new TreeMap<>(given.stream().collect(Collectors.groupingBy(
                    call -> LocalDate.ofInstant(call.at().orElseThrow(), PARIS).toString(), Collectors.counting())));
            assertThat(totals.report().periods()).extracting(PeriodUsage::period, p -> (long) p.calls())
                    .containsExactlyElementsOf(expected.entrySet().stream().map(e -> tuple(e.getKey(), e.getValue()))
                            .toList());
        }
    }
}
