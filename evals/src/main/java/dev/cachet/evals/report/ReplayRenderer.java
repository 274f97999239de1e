package dev.cachet.evals.report;

import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayRun;
import java.util.List;

/** One output format of a replay: callers pick a format without knowing what each one needs of the data. */
public interface ReplayRenderer {

    /**
     * @param modelSpec the model the replay billed as, such as {@code anthropic:claude-sonnet-4-6}
     * @param terms     what else the head says of how the runs were billed, after the model (", every strategy at a
     *                  5-minute cache ..."); empty for nothing
     * @param runs      the replayed runs, turn by turn
     * @param report    {@code ReplayReport.of(runs)}
     */
    String render(String modelSpec, String terms, List<ReplayRun> runs, ReplayReport report);
}
