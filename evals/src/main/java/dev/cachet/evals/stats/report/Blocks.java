package dev.cachet.evals.stats.report;

import dev.cachet.evals.stats.Call;
import dev.cachet.evals.stats.CallPricer;
import dev.cachet.providers.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
        List<Call> dated = calls.stream().filter(call -> call.at().isPresent())
                .sorted(Comparator.comparing(call -> call.at().orElseThrow())).toList();
        List<Block> blocks = new ArrayList<>();
        List<Call> current = new ArrayList<>();
        Instant start = null;
        for (Call call : dated) {
            Instant at = call.at().orElseThrow();
            if (start != null && (Duration.between(start, at).compareTo(LENGTH) > 0
                    || Duration.between(last(current), at).compareTo(LENGTH) > 0)) {
                blocks.add(block(start, current, now, pricer));
                current = new ArrayList<>();
                start = null;
            }
            if (start == null) {
                start = at.truncatedTo(ChronoUnit.HOURS);
            }
            current.add(call);
        }
        if (start != null) {
            blocks.add(block(start, current, now, pricer));
        }
        return blocks;
    }

    private static Block block(Instant start, List<Call> calls, Instant now, CallPricer pricer) {
        Instant end = start.plus(LENGTH);
        Instant first = calls.get(0).at().orElseThrow();
        Instant last = last(calls);
        Usage usage = CallPricer.usage(calls);
        Double cost = pricer.cost(calls);
        boolean active = now.isBefore(end) && Duration.between(last, now).compareTo(LENGTH) < 0;
        Optional<BurnRate> burn = Optional.empty();
        double minutes = Duration.between(first, last).toMillis() / 60_000.0;
        if (active && minutes > 0) {
            double tokensPerMinute = usage.total() / minutes;
            double usdPerHour = (cost == null ? 0 : cost) / minutes * 60;
            double left = Math.max(0, Duration.between(now, end).toMillis() / 60_000.0);
            burn = Optional.of(new BurnRate(tokensPerMinute, usdPerHour, usage.total() + Math.round(tokensPerMinute * left),
                    (cost == null ? 0 : cost) + usdPerHour / 60 * left));
        }
        return new Block(start, end, first, last, calls.size(), usage, cost, pricer.byModel(calls), active, burn);
    }

    private static Instant last(List<Call> calls) {
        return calls.get(calls.size() - 1).at().orElseThrow();
    }
}
