package dev.cachet.evals.matrix;

import dev.cachet.evals.suite.SuiteTask;
import dev.cachet.providers.Usage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An agent that does to the workspace whatever its script says, and reports fixed figures: 2 turns, 1000 uncached
 * input, 500 cache writes, 1500 cache reads, 100 output, $0.01. Counts its runs by key.
 */
final class ScriptedAgent implements AgentRunner {
    static final AgentResult RESULT = new AgentResult(2, new Usage(1000, 500, 1500, 100, 0), 0.01, 3000, "done");

    /** What the agent does in one run. */
    @FunctionalInterface
    interface Script {
        void act(SuiteTask task, String strategy, Path workspace) throws Exception;
    }

    private final Script script;
    private final List<String> runs = new CopyOnWriteArrayList<>();

    ScriptedAgent(Script script) {
        this.script = script;
    }

    @Override
    public AgentResult run(SuiteTask task, String strategy, Path workspace) throws Exception {
        runs.add(task.id() + "/" + strategy);
        script.act(task, strategy, workspace);
        return RESULT;
    }

    /** {@code task/strategy} of every run so far, in the order they started. */
    List<String> runs() {
        return List.copyOf(runs);
    }
}
