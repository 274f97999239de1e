package dev.cachet.evals.stats;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.ToolResult;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Computes a recorded session's {@link SessionStats} from the usage each model call recorded. */
public final class SessionStatsCalculator {
    static final double LOW_CACHE_HIT = 0.5;
    static final double RUNAWAY_GROWTH = 3.0;
    static final long RUNAWAY_INPUT_TOKENS = 50_000;
    static final int OVERSIZED_RESULT_TOKENS = 10_000;
    private static final int ENDS = 5;
    private static final Duration MIN_BURN_WINDOW = Duration.ofMinutes(1);

    private final TokenCounter counter;
    private final Function<String, Optional<ModelPrice>> prices;

    /** @param prices the price of a model by the name the log gives it */
    public SessionStatsCalculator(TokenCounter counter, Function<String, Optional<ModelPrice>> prices) {
        this.counter = counter;
        this.prices = prices;
    }

    /** Empty when no turn of the session recorded its usage. */
    public Optional<SessionStats> of(Trajectory trajectory) {
        List<TrajectoryTurn> billed = trajectory.turns().stream().filter(t -> t.usage().isPresent()).toList();
        if (billed.isEmpty()) {
            return Optional.empty();
        }
        List<Usage> usages = billed.stream().map(t -> t.usage().orElseThrow()).toList();
        Usage usage = usages.stream().reduce(Usage.ZERO, Usage::plus);
        String model = trajectory.model().orElse("unknown");
        Double cost = prices.apply(model).map(price -> price.cost(usage)).orElse(null);
        Double hours = hours(trajectory);
        Double burn = cost == null || hours == null ? null : cost / hours;
        int largest = largestResult(trajectory);
        double hitRate = usage.input() == 0 ? 0 : (double) usage.cacheRead() / usage.input();
        double growth = growth(usages);
        Double schemaShare = trajectory.tools().isEmpty() || usage.input() == 0 ? null
                : (double) schemaTokens(trajectory) * usages.size() / usage.input();
        return Optional.of(new SessionStats(trajectory.id(), trajectory.format(), model, trajectory.turns().size(),
                usage, cost, hitRate, (double) usage.total() / usages.size(), hours, burn, growth, schemaShare,
                largest, leaks(hitRate, growth, usages, largest)));
    }

    private static List<Leak> leaks(double hitRate, double growth, List<Usage> usages, int largestResult) {
        List<Leak> leaks = new ArrayList<>();
        if (hitRate < LOW_CACHE_HIT) {
            leaks.add(Leak.LOW_CACHE_HIT);
        }
        if (growth > RUNAWAY_GROWTH && meanInput(usages.subList(Math.max(0, usages.size() - ENDS), usages.size()))
                > RUNAWAY_INPUT_TOKENS) {
            leaks.add(Leak.RUNAWAY_CONTEXT);
        }
        if (largestResult > OVERSIZED_RESULT_TOKENS) {
            leaks.add(Leak.OVERSIZED_TOOL_RESULT);
        }
        return leaks;
    }

    private static double growth(List<Usage> usages) {
        if (usages.size() <= ENDS) {
            return 1.0;
        }
        double first = meanInput(usages.subList(0, ENDS));
        double last = meanInput(usages.subList(usages.size() - ENDS, usages.size()));
        return first == 0 ? 1.0 : last / first;
    }

    private static double meanInput(List<Usage> usages) {
        return usages.stream().mapToLong(Usage::input).average().orElse(0);
    }

    private static Double hours(Trajectory trajectory) {
        List<Instant> times = trajectory.turns().stream().flatMap(t -> t.at().stream()).sorted().toList();
        if (times.size() < 2) {
            return null;
        }
        Duration span = Duration.between(times.get(0), times.get(times.size() - 1));
        return span.compareTo(MIN_BURN_WINDOW) < 0 ? null : span.toMillis() / 3_600_000.0;
    }

    private int largestResult(Trajectory trajectory) {
        int largest = 0;
        for (TrajectoryTurn turn : trajectory.turns()) {
            for (ToolResult result : turn.observations()) {
                largest = Math.max(largest, counter.count(result.content()));
            }
        }
        return largest;
    }

    private int schemaTokens(Trajectory trajectory) {
        return trajectory.tools().stream().mapToInt(counter::count).sum();
    }
}
