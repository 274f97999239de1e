package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.matrix.EvalMatrix;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvalProgressTest {
    private final StringWriter err = new StringWriter();

    @Test
    void the_cost_limit_stopped_the_eval_only_where_it_left_runs_out() {
        EvalProgress progress = new EvalProgress(new PrintWriter(err, true), 0.01);
        progress.accept(new EvalMatrix.Progress(6, 6, 4, 0.012, Optional.empty()));

        assertThat(progress.overBudget(new PrintWriter(err, true), 0, 6)).as("the last run passed it").isFalse();
        assertThat(progress.guard().cancelled()).isTrue();
        assertThat(progress.overBudget(new PrintWriter(err, true), 2, 6)).isTrue();
        assertThat(err.toString()).endsWith("cachet: stopped starting runs at $0.0100 (--max-total-cost): 2 of 6 runs "
                + "not run; --resume goes on" + System.lineSeparator());
    }
}
