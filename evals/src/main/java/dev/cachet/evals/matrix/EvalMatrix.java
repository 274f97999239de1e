package dev.cachet.evals.matrix;

import dev.cachet.evals.suite.SuiteTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs every strategy on every task, {@code repeats} times each, {@code jobs} runs at a time, and records each run
 * in the results file as it finishes. Runs already in the file are skipped, so an eval that was stopped, killed or
 * cancelled picks up where it left off and never runs a finished run twice. A run that was interrupted is not
 * finished: it is not recorded, and runs again then.
 */
public final class EvalMatrix {
    private final BatchExecutor executor;
    private final int jobs;

    /**
     * After each finished run: runs done of all planned (those found on resuming included), how many solved and
     * the cost so far, and the time left; no estimate before any run has finished.
     */
    public record Progress(int done, int total, int solved, double costUsd, Optional<Duration> eta) {}

    /** Runs on this machine, {@code jobs} runs at a time; each record must answer the run it was given. */
    public EvalMatrix(RunExecutor executor, int jobs) {
        this(new PooledExecutor(run -> answering(run, executor.execute(run)), jobs), jobs);
    }

    /** @param jobs how many runs execute at once: the executor's to keep to; the ETA counts on it */
    public EvalMatrix(BatchExecutor executor, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, not " + jobs);
        }
        this.executor = executor;
        this.jobs = jobs;
    }

    /**
     * Every run, repeat by repeat, each repeat task by task, each task strategy by strategy: stopped early, the
     * results then cover all tasks and strategies evenly, and a task's strategies run close together in time.
     */
    public static List<PlannedRun> plan(List<SuiteTask> tasks, List<String> strategies, int repeats) {
        return plan(tasks, strategies, List.of(false), repeats);
    }

    /** As {@link #plan(List, List, int)}, each strategy once per plan setting: without a plan first, with one. */
    public static List<PlannedRun> plan(List<SuiteTask> tasks, List<String> strategies, List<Boolean> plans, int repeats) {
        if (plans.isEmpty() || new HashSet<>(plans).size() != plans.size()) {
            throw new IllegalArgumentException("--plan takes on, off or both, each once: " + plans);
        }
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("no strategies to run");
        }
        if (new HashSet<>(strategies).size() != strategies.size()) {
            throw new IllegalArgumentException("a strategy is listed twice: " + strategies);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, not " + repeats);
        }
        List<PlannedRun> plan = new ArrayList<>(tasks.size() * strategies.size() * plans.size() * repeats);
        for (int repeat = 1; repeat <= repeats; repeat++) {
            for (SuiteTask task : tasks) {
                for (String strategy : strategies) {
                    for (boolean planFirst : plans) {
                        plan.add(new PlannedRun(task, strategy, repeat, planFirst));
                    }
                }
            }
        }
        return plan;
    }

    /**
     * Runs the planned runs that {@code results} does not hold yet, appending each record as its run finishes.
     *
     * @param progress     called after each finished run, from one thread at a time
     * @param cancellation once cancelled, no further run starts; those under way finish and are recorded
     * @return every record in the results file, those of the plan in its order first, then any others
     */
    public List<RunRecord> run(List<PlannedRun> plan, ResultsFile results, Consumer<Progress> progress,
            Cancellation cancellation) {
        Set<String> finished = results.completedKeys();
        ProgressTally tally = new ProgressTally(plan.size(), jobs);
        Set<String> planned = new HashSet<>();
        plan.forEach(run -> planned.add(run.key()));
        // An errored run is run again: its old record is not counted, its new one will be.
        results.records().stream().filter(record -> finished.contains(record.key()) && planned.contains(record.key()))
                .forEach(tally::add);
        List<PlannedRun> pending = plan.stream().filter(run -> !finished.contains(run.key())).toList();
        Set<String> awaited = new HashSet<>();
        pending.forEach(run -> awaited.add(run.key()));
        executor.executeAll(pending, record -> {
            // A key written twice would make results.jsonl unreadable: refuse before writing, not after.
            if (!awaited.remove(record.key())) {
                throw new IllegalStateException("executor answered run " + record.key()
                        + (planned.contains(record.key()) ? ", which was recorded already" : ", which is not pending"));
            }
            if (record.interrupted()) {
                return;
            }
            results.append(record);
            tally.add(record);
            progress.accept(tally.progress());
        }, cancellation);
        return inPlanOrder(plan, results.records());
    }

    private static RunRecord answering(PlannedRun run, RunRecord record) {
        if (!record.key().equals(run.key())) {
            throw new IllegalStateException("executor answered run " + run.key() + " with " + record.key());
        }
        return record;
    }

    private static List<RunRecord> inPlanOrder(List<PlannedRun> plan, List<RunRecord> records) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            order.put(plan.get(i).key(), i);
        }
        // A stable sort: records outside the plan keep their file order, after the plan's.
        return records.stream()
                .sorted(Comparator.comparingInt(record -> order.getOrDefault(record.key(), plan.size())))
                .toList();
    }
}
