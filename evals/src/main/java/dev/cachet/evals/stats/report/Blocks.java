package dev.cachet.evals.stats.report;

import dev.cachet.evals.stats.Call;
import dev.cachet.evals.stats.CallPricer;
import dev.cachet.evals.stats.CallTotals;
import dev.cachet.evals.stats.CallView;
import dev.cachet.providers.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Splits calls into Anthropic's 5-hour billing windows the way ccusage does, so the two tools show the same blocks:
 * <ul>
 *   <li>a block starts at its first call's time floored to the hour and lasts five hours;</li>
 *   <li>a call starts a new block when it comes more than five hours after the block's start, or more than five hours
 *       after the call before it;</li>
 *   <li>calls without a time are in no block.</li>
 * </ul>
 */
public final class Blocks {
    public static final Duration LENGTH = Duration.ofHours(5);

    private Blocks() {}

    /** The blocks of {@code calls}, oldest first; {@code now} tells which is still active. */
    public static List<Block> of(List<Call> calls, Instant now, CallPricer pricer) {
        List<Block> blocks = new ArrayList<>();
        Open open = null;
        CallView view = CallView.of(calls);
        for (int index : byTime(view)) {
            Instant at = view.at(index);
            if (open != null && (Duration.between(open.start, at).compareTo(LENGTH) > 0
                    || Duration.between(open.last, at).compareTo(LENGTH) > 0)) {
                blocks.add(open.block(now));
                open = null;
            }
            if (open == null) {
                open = new Open(at, pricer);
            }
            open.add(view.model(index), view.usage(index), at);
        }
        if (open != null) {
            blocks.add(open.block(now));
        }
        return blocks;
    }

    /**
     * The indexes of the calls that have a time, by time, calls of the same time in their order: the calls are put
     * in order without holding them all.
     */
    private static int[] byTime(CallView calls) {
        long[] seconds = new long[calls.size()];
        int[] nanos = new int[calls.size()];
        BitSet dated = new BitSet(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            Instant at = calls.at(i);
            if (at != null) {
                dated.set(i);
                seconds[i] = at.getEpochSecond();
                nanos[i] = at.getNano();
            }
        }
        return dated.stream().boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> seconds[i]).thenComparingInt(i -> nanos[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The block being filled: its start, its first and last call's times, its calls added up. */
    private static final class Open {
        private final Instant start;
        private final Instant first;
        private final CallTotals totals;
        private Instant last;

        Open(Instant first, CallPricer pricer) {
            this.start = first.truncatedTo(ChronoUnit.HOURS);
            this.first = first;
            this.totals = new CallTotals(pricer);
        }

        void add(String model, Usage usage, Instant at) {
            totals.add(model, usage);
            last = at;
        }

        Block block(Instant now) {
            Instant end = start.plus(LENGTH);
            Usage usage = totals.usage();
            Double cost = totals.cost();
            boolean active = now.isBefore(end) && Duration.between(last, now).compareTo(LENGTH) < 0;
            Optional<BurnRate> burn = Optional.empty();
            double minutes = Duration.between(first, last).toMillis() / 60_000.0;
            if (active && minutes > 0) {
                double tokensPerMinute = usage.total() / minutes;
                double usdPerHour = (cost == null ? 0 : cost) / minutes * 60;
                double left = Math.max(0, Duration.between(now, end).toMillis() / 60_000.0);
                burn = Optional.of(new BurnRate(tokensPerMinute, usdPerHour,
                        usage.total() + Math.round(tokensPerMinute * left), (cost == null ? 0 : cost) + usdPerHour / 60 * left));
            }
            return new Block(start, end, first, last, totals.calls(), usage, cost, totals.models(), active, burn);
        }
    }
}
