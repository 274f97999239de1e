package dev.cachet.evals.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import dev.cachet.evals.matrix.EvalSummary.StrategySummary;
import dev.cachet.evals.matrix.EvalSummary.TaskSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvalSummaryTest {

    private static RunRecord run(String task, String strategy, int repeat, boolean solved, double cost, int turns,
            String error) {
        return new RunRecord(task, strategy, repeat, solved, turns, 100, 0, 300, 10, cost, 0.75, 1000, 500,
                "done", "abc", error, "m", false, null);
    }

    /** hybrid solves t1 twice of three and t2 once, each run cheaper than masking's; masking solves nothing. */
    static List<RunRecord> repeated() {
        return List.of(
                run("t1", "hybrid", 1, true, 0.01, 4, null),
                run("t1", "masking", 1, false, 0.03, 8, null),
                run("t2", "hybrid", 1, false, 0.02, 6, null),
                run("t2", "masking", 1, false, 0.05, 10, "agent: rate limited"),
                run("t1", "hybrid", 2, true, 0.01, 4, null),
                run("t1", "masking", 2, false, 0.03, 8, null),
                run("t2", "hybrid", 2, true, 0.04, 6, null),
                run("t2", "masking", 2, false, 0.05, 10, null),
                run("t1", "hybrid", 3, false, 0.02, 5, null),
                run("t1", "masking", 3, false, 0.04, 9, null),
                run("t2", "hybrid", 3, false, 0.03, 5, null),
                run("t2", "masking", 3, false, 0.06, 11, null));
    }

    @Test
    void sums_up_each_strategy() {
        EvalSummary summary = EvalSummary.of(repeated());

        assertThat(summary.strategies()).extracting(StrategySummary::strategy).containsExactly("hybrid", "masking");
        StrategySummary hybrid = summary.strategies().get(0);
        assertThat(hybrid.runs()).isEqualTo(6);
        assertThat(hybrid.solved()).isEqualTo(3);
        assertThat(hybrid.errors()).isZero();
        assertThat(hybrid.solveRate()).isEqualTo(0.5);
        assertThat(hybrid.meanCostUsd()).isCloseTo(0.13 / 6, offset(1e-12));
        assertThat(hybrid.medianCostUsd()).isCloseTo(0.02, offset(1e-12));
        assertThat(hybrid.costPerSolvedUsd()).isCloseTo(0.13 / 3, offset(1e-12));
        assertThat(hybrid.meanTurns()).isEqualTo(5.0);
        assertThat(hybrid.cacheHitRate()).isEqualTo(0.75);
        StrategySummary masking = summary.strategies().get(1);
        assertThat(masking.solved()).isZero();
        assertThat(masking.errors()).isEqualTo(1);
        assertThat(masking.costPerSolvedUsd()).isNull();
        assertThat(masking.medianCostUsd()).isCloseTo(0.045, offset(1e-12));
    }

    @Test
    void sums_up_each_task_under_each_strategy() {
        List<TaskSummary> tasks = EvalSummary.of(repeated()).tasks();

        assertThat(tasks).extracting(TaskSummary::task, TaskSummary::strategy, TaskSummary::runs,
                TaskSummary::solved).containsExactly(tuple("t1", "hybrid", 3, 2), tuple("t1", "masking", 3, 0),
                tuple("t2", "hybrid", 3, 1), tuple("t2", "masking", 3, 0));
        assertThat(tasks.get(0).meanCostUsd()).isCloseTo(0.04 / 3, offset(1e-12));
        assertThat(tasks.get(3).meanCostUsd()).isCloseTo(0.16 / 3, offset(1e-12));
    }

    @Test
    void repeated_tasks_get_bootstrap_intervals_around_the_point_estimates() {
        StrategySummary hybrid = EvalSummary.of(repeated()).strategies().get(0);

        assertThat(hybrid.solveRateInterval()).isNotNull();
        assertThat(hybrid.solveRateInterval().contains(hybrid.solveRate())).isTrue();
        assertThat(hybrid.solveRateInterval().low()).isGreaterThanOrEqualTo(0).isLessThan(0.5);
        assertThat(hybrid.solveRateInterval().high()).isGreaterThan(0.5).isLessThanOrEqualTo(1);
        assertThat(hybrid.meanCostInterval().contains(hybrid.meanCostUsd())).isTrue();
        assertThat(hybrid.meanCostInterval().low()).isGreaterThanOrEqualTo(0.01);
        assertThat(hybrid.meanCostInterval().high()).isLessThanOrEqualTo(0.04);
        // Nothing solved in any resample: the interval is the point.
        StrategySummary masking = EvalSummary.of(repeated()).strategies().get(1);
        assertThat(masking.solveRateInterval()).isEqualTo(new Interval(0, 0));
    }

    @Test
    void the_intervals_are_the_same_every_time_whatever_order_the_runs_finished_in() {
        List<RunRecord> shuffled = new ArrayList<>(repeated());
        Collections.shuffle(shuffled, new Random(7));

        EvalSummary once = EvalSummary.of(repeated());
        EvalSummary again = EvalSummary.of(shuffled);

        assertThat(again.strategies()).containsExactlyInAnyOrderElementsOf(once.strategies());
    }

    @Test
    void runs_that_all_cost_the_same_get_an_interval_of_exactly_that() {
        List<RunRecord> same = List.of(run("t1", "hybrid", 1, true, 0.1, 3, null),
                run("t1", "hybrid", 2, true, 0.1, 3, null), run("t1", "hybrid", 3, true, 0.1, 3, null));

        StrategySummary hybrid = EvalSummary.of(same).strategies().get(0);

        assertThat(hybrid.meanCostInterval()).isEqualTo(new Interval(hybrid.meanCostUsd(), hybrid.meanCostUsd()));
        assertThat(hybrid.solveRateInterval()).isEqualTo(new Interval(1, 1));
    }

    @Test
    void a_single_repeat_gets_no_interval() {
        List<RunRecord> once = repeated().stream().filter(run -> run.repeat() == 1).toList();

        assertThat(EvalSummary.of(once).strategies()).allSatisfy(s -> {
            assertThat(s.solveRateInterval()).isNull();
            assertThat(s.meanCostInterval()).isNull();
        });
    }
}
