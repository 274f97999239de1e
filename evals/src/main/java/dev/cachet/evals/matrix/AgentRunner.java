package dev.cachet.evals.matrix;

import dev.cachet.evals.suite.SuiteTask;
import java.nio.file.Path;

/** Runs the agent on one task in a prepared workspace: the seam through which the harness plugs its agent in. */
@FunctionalInterface
public interface AgentRunner {

    /**
     * Called from several threads at once under {@code --jobs}, each with its own workspace. The agent must keep
     * within {@code task.budget()} (turns, cost, wall time) itself: the caller does not stop it. Prefer returning a
     * result with a stop reason, or throwing {@link AgentFailedException} with it, over throwing anything else, so
     * that the tokens spent are recorded.
     *
     * @param strategy  the context strategy to run with, by name
     * @param workspace a fresh clone of the task's repository, set up, and the agent's alone
     * @throws Exception the run errored: it is recorded as unsolved with the message, and the matrix goes on
     */
    AgentResult run(SuiteTask task, String strategy, Path workspace) throws Exception;

    /**
     * Runs as {@link #run(SuiteTask, String, Path)}, the agent first writing a plan where {@code plan} is set; an
     * agent that cannot plan fails such a run, which is recorded as an error.
     */
    default AgentResult run(SuiteTask task, String strategy, boolean plan, Path workspace) throws Exception {
        if (plan) {
            throw new UnsupportedOperationException("this agent cannot plan first");
        }
        return run(task, strategy, workspace);
    }
}
