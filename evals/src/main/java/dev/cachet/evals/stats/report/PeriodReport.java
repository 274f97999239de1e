package dev.cachet.evals.stats.report;

import dev.cachet.evals.stats.Call;
import dev.cachet.evals.stats.CallPricer;
import dev.cachet.evals.stats.CallView;
import java.time.ZoneId;
import java.util.List;

/**
 * Usage by day, week or month: the JSON of {@code cachet stats daily|weekly|monthly}.
 *
 * @param periods     those with calls, oldest first
 * @param total       all the calls that have a time, whatever their period
 * @param undatedCalls calls whose log gives no time, in no period and not in the total
 */
public record PeriodReport(List<PeriodUsage> periods, PeriodUsage total, int undatedCalls) {
    public PeriodReport {
        periods = List.copyOf(periods);
    }

    /** {@code calls} added up by the {@code period} each was made in, in {@code zone}, one call at a time. */
    public static PeriodReport of(List<Call> calls, Period period, ZoneId zone, CallPricer pricer) {
        PeriodTotals totals = new PeriodTotals(period, zone, pricer);
        totals.add(CallView.of(calls));
        return totals.report();
    }
}
