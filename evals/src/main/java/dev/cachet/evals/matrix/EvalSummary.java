package dev.cachet.evals.matrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The figures of an eval, per strategy and per task and strategy. Field names are part of the JSON report; do not
 * rename them. Strategies and tasks keep the order they first appear in among the records.
 */
public record EvalSummary(List<StrategySummary> strategies, List<TaskSummary> tasks) {
    public EvalSummary {
        strategies = List.copyOf(strategies);
        tasks = List.copyOf(tasks);
    }

    /**
     * One strategy over all its runs. Errored runs count as unsolved, as the user would have seen them.
     *
     * @param costPerSolvedUsd  all the strategy's cost over the tasks it solved: null when it solved none
     * @param cacheHitRate      cache reads over all input, pooled over runs, so long runs weigh as they cost
     * @param solveRateInterval a bootstrap 95% interval, resampling runs; null unless tasks were repeated
     * @param meanCostInterval  likewise for the mean cost
     */
    public record StrategySummary(String strategy, int runs, int solved, int errors, double solveRate,
            Interval solveRateInterval, double meanCostUsd, Interval meanCostInterval, double medianCostUsd,
            Double costPerSolvedUsd, double meanTurns, double cacheHitRate) {}

    /** One task under one strategy. */
    public record TaskSummary(String task, String strategy, int runs, int solved, double meanCostUsd) {}

    public static EvalSummary of(List<RunRecord> records) {
        List<StrategySummary> strategies = new ArrayList<>();
        groups(records, RunRecord::arm).forEach((strategy, runs) -> strategies.add(strategy(strategy, runs)));
        List<TaskSummary> tasks = new ArrayList<>();
        groups(records, RunRecord::task).forEach((task, taskRuns) -> groups(taskRuns, RunRecord::arm)
                .forEach((strategy, runs) -> tasks.add(new TaskSummary(task, strategy, runs.size(), solved(runs),
                        mean(costs(runs))))));
        return new EvalSummary(strategies, tasks);
    }

    private static StrategySummary strategy(String strategy, List<RunRecord> runs) {
        // Resampled in a fixed order, not the order runs happened to finish in, so intervals are reproducible.
        List<RunRecord> sorted = runs.stream()
                .sorted(Comparator.comparing(RunRecord::task).thenComparingInt(RunRecord::repeat)).toList();
        double[] solvedFlags = sorted.stream().mapToDouble(run -> run.solved() ? 1 : 0).toArray();
        double[] costs = costs(sorted);
        boolean repeated = runs.stream().anyMatch(run -> run.repeat() > 1);
        int solved = solved(runs);
        double totalCost = Arrays.stream(costs).sum();
        long read = runs.stream().mapToLong(RunRecord::cacheReadTokens).sum();
        long input = runs.stream().mapToLong(RunRecord::inputTokens).sum();
        return new StrategySummary(strategy, runs.size(), solved,
                (int) runs.stream().filter(run -> run.error() != null).count(),
                mean(solvedFlags), repeated ? Bootstrap.ofMean(solvedFlags) : null,
                mean(costs), repeated ? Bootstrap.ofMean(costs) : null, median(costs),
                solved == 0 ? null : totalCost / solved,
                runs.stream().mapToInt(RunRecord::turns).average().orElse(0),
                input == 0 ? 0 : (double) read / input);
    }

    private static Map<String, List<RunRecord>> groups(List<RunRecord> records, Function<RunRecord, String> key) {
        Map<String, List<RunRecord>> groups = new LinkedHashMap<>();
        records.forEach(record -> groups.computeIfAbsent(key.apply(record), k -> new ArrayList<>()).add(record));
        return groups;
    }

    private static int solved(List<RunRecord> runs) {
        return (int) runs.stream().filter(RunRecord::solved).count();
    }

    private static double[] costs(List<RunRecord> runs) {
        return runs.stream().mapToDouble(RunRecord::costUsd).toArray();
    }

    /** Summed in order, as Bootstrap sums: runs that all cost the same then get an interval of exactly that. */
    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
