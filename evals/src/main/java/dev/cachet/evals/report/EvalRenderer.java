package dev.cachet.evals.report;

import dev.cachet.evals.matrix.EvalSummary;
import dev.cachet.evals.matrix.RunRecord;
import java.util.List;

/** One output format of an eval: callers pick a format without knowing what each one needs of the data. */
public interface EvalRenderer {

    /**
     * @param suite   the suite's name
     * @param records every run, as {@code EvalMatrix.run} returns them
     * @param summary {@code EvalSummary.of(records)}
     */
    String render(String suite, List<RunRecord> records, EvalSummary summary);
}
