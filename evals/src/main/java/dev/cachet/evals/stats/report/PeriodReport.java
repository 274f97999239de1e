package dev.cachet.evals.stats.report;

import dev.cachet.evals.stats.Call;
import dev.cachet.evals.stats.CallPricer;
import dev.cachet.evals.stats.CallTotals;
import dev.cachet.evals.stats.CallView;
import dev.cachet.providers.Usage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Usage by day, week or month: the JSON of {@code cachet stats daily|weekly|monthly}.
 *
 * @param periods     those with calls, oldest first
 * @param total       all the calls that have a time, whatever their period
 * @param undatedCalls calls whose log gives no time, in no period and not in the total
 */
public record PeriodReport(List<PeriodUsage> periods, PeriodUsage total, int undatedCalls) {
    private static final long SECONDS_PER_DAY = 86_400;

    public PeriodReport {
        periods = List.copyOf(periods);
    }

    /** {@code calls} added up by the {@code period} each was made in, in {@code zone}, one call at a time. */
    public static PeriodReport of(List<Call> calls, Period period, ZoneId zone, CallPricer pricer) {
        Map<String, CallTotals> byPeriod = new TreeMap<>();
        CallTotals dated = new CallTotals(pricer);
        ZoneRules rules = zone.getRules();
        // Calls come session by session, in order, so mostly on the day of the one before: the day's totals are
        // looked up again only when the day changes, the day found as LocalDate.ofInstant finds it.
        long day = Long.MIN_VALUE;
        CallTotals ofDay = null;
        CallView view = CallView.of(calls);
        for (int i = 0; i < view.size(); i++) {
            Instant at = view.at(i);
            if (at == null) {
                continue;
            }
            long callDay = Math.floorDiv(at.getEpochSecond() + rules.getOffset(at).getTotalSeconds(), SECONDS_PER_DAY);
            if (callDay != day) {
                day = callDay;
                ofDay = byPeriod.computeIfAbsent(period.label(LocalDate.ofEpochDay(day)), p -> new CallTotals(pricer));
            }
            Usage usage = view.usage(i);
            dated.add(view.model(i), usage);
            ofDay.add(view.model(i), usage);
        }
        List<PeriodUsage> periods = byPeriod.entrySet().stream()
                .map(entry -> usage(entry.getKey(), entry.getValue())).toList();
        return new PeriodReport(periods, usage("total", dated), calls.size() - dated.calls());
    }

    static PeriodUsage usage(String period, CallTotals calls) {
        return new PeriodUsage(period, calls.calls(), calls.usage(), calls.cost(), calls.priced(), calls.models());
    }
}
