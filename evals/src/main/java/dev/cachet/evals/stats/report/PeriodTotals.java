package dev.cachet.evals.stats.report;

import dev.cachet.evals.stats.CallPricer;
import dev.cachet.evals.stats.CallTotals;
import dev.cachet.evals.stats.CallView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls added up by the day, week or month each was made in, as a report reaches them session by session: it keeps
 * each period's totals, not the calls, so a year of logs is added up in the memory of one session's calls. Calls
 * given in the same order give the same report, to the last bit of each cost, however they were split.
 */
public final class PeriodTotals {
    private static final long SECONDS_PER_DAY = 86_400;

    private final Period period;
    private final ZoneRules rules;
    private final CallPricer pricer;
    private final Map<String, CallTotals> byPeriod = new TreeMap<>();
    private final CallTotals dated;
    private int calls;
    // Calls come session by session, in order, so mostly on the day of the one before: the day's totals are looked
    // up again only when the day changes, the day found as LocalDate.ofInstant finds it, and the zone's offset only
    // when a call falls outside the seconds it holds for (from the call it was found for to the next change of clocks;
    // none before the first call, so the first looks it up).
    private long day = Long.MIN_VALUE;
    private CallTotals ofDay;
    private int offset;
    private long offsetFrom = Long.MAX_VALUE;
    private long offsetUntil = Long.MIN_VALUE;

    /** @param zone the time zone whose days the calls fall in */
    public PeriodTotals(Period period, ZoneId zone, CallPricer pricer) {
        this.period = period;
        this.rules = zone.getRules();
        this.pricer = pricer;
        this.dated = new CallTotals(pricer);
    }

    /** Adds {@code calls}, in order, after those added before. */
    public void add(CallView calls) {
        for (int i = 0; i < calls.size(); i++) {
            if (!calls.dated(i)) {
                continue;
            }
            long second = calls.epochSecond(i);
            if (second < offsetFrom || second >= offsetUntil) {
                offsetAt(second);
            }
            long callDay = Math.floorDiv(second + offset, SECONDS_PER_DAY);
            if (callDay != day) {
                day = callDay;
                ofDay = byPeriod.computeIfAbsent(period.label(LocalDate.ofEpochDay(day)), p -> new CallTotals(pricer));
            }
            calls.addTo(dated, i);
            calls.addTo(ofDay, i);
        }
        this.calls += calls.size();
    }

    /** The zone's offset at {@code second}, which holds until the zone's next change of clocks. */
    private void offsetAt(long second) {
        Instant at = Instant.ofEpochSecond(second);
        offset = rules.getOffset(at).getTotalSeconds();
        ZoneOffsetTransition next = rules.nextTransition(at);
        offsetFrom = second;
        offsetUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    }

    /** The periods of the calls added so far. */
    public PeriodReport report() {
        List<PeriodUsage> periods = byPeriod.entrySet().stream()
                .map(entry -> usage(entry.getKey(), entry.getValue())).toList();
        return new PeriodReport(periods, usage("total", dated), calls - dated.calls());
    }

    private static PeriodUsage usage(String period, CallTotals calls) {
        return new PeriodUsage(period, calls.calls(), calls.usage(), calls.cost(), calls.priced(),
                calls.usageKnown(), calls.models());
    }
}
