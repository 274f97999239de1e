package dev.cachet.harness.eval;

import dev.cachet.evals.matrix.AgentResult;
import dev.cachet.evals.matrix.AgentRunner;
import dev.cachet.evals.suite.RunBudget;
import dev.cachet.evals.suite.SuiteTask;
import dev.cachet.harness.Harness;
import dev.cachet.harness.RunSpec;
import dev.cachet.harness.SessionOutcome;
import dev.cachet.harness.loop.Limits;
import dev.cachet.harness.session.SessionEvent;
import dev.cachet.harness.session.SessionListener;
import dev.cachet.providers.ModelClient;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.catalog.ToolLoading;
import dev.cachet.tools.mcp.McpServerConfig;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs cachet's own agent on one task of a suite, in the workspace the eval prepared, within the task's budget.
 * Each run's session log is kept in {@code sessionsDir}, since the workspace that held it is deleted afterwards.
 */
public final class HarnessAgentRunner implements AgentRunner {
    private final Harness harness;
    private final Function<SuiteTask, ModelClient> models;
    private final Function<String, Map<String, Integer>> params;
    private final Sandbox sandbox;
    private final List<McpServerConfig> mcpServers;
    private final Duration cacheTtl;
    private final Path sessionsDir;

    /**
     * @param models a new model client per run (clients such as replays are stateful)
     * @param params the configured parameters of a strategy, by name
     */
    public HarnessAgentRunner(Harness harness, Function<SuiteTask, ModelClient> models,
            Function<String, Map<String, Integer>> params, Sandbox sandbox, List<McpServerConfig> mcpServers,
            Duration cacheTtl, Path sessionsDir) {
        this.harness = harness;
        this.models = models;
        this.params = params;
        this.sandbox = sandbox;
        this.mcpServers = List.copyOf(mcpServers);
        this.cacheTtl = cacheTtl;
        this.sessionsDir = sessionsDir;
    }

    @Override
    public AgentResult run(SuiteTask task, String strategy, Path workspace) {
        RunSpec spec = new RunSpec(workspace, task.prompt(), strategy, params.apply(strategy), limits(task.budget()),
                ToolContext.DEFAULT_COMMAND_TIMEOUT, cacheTtl, sandbox, Approver.ALWAYS, ToolLoading.DEFERRED, mcpServers);
        PeakWindow peak = new PeakWindow();
        SessionOutcome outcome = harness.run(spec, models.apply(task), peak);
        keepLog(task, strategy, outcome);
        return new AgentResult(outcome.result().turns(), outcome.result().usage(), outcome.result().costUsd(),
                peak.tokens, outcome.result().reason().label());
    }

    private static Limits limits(RunBudget budget) {
        Limits limits = Limits.DEFAULT.withMaxTurns(budget.maxTurns()).withMaxWallTime(budget.timeout());
        return budget.maxCostUsd().isPresent() ? limits.withMaxCostUsd(budget.maxCostUsd().getAsDouble()) : limits;
    }

    private void keepLog(SuiteTask task, String strategy, SessionOutcome outcome) {
        Path target = sessionsDir.resolve(task.id()).resolve(strategy + "-" + outcome.sessionId() + ".jsonl");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(outcome.log(), target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the session log of task " + task.id() + " in " + target, e);
        }
    }

    /** The largest window the session sent. */
    private static final class PeakWindow implements SessionListener {
        private int tokens;

        @Override
        public void on(SessionEvent event) {
            if (event instanceof SessionEvent.WindowRendered window) {
                tokens = Math.max(tokens, window.tokens());
            }
        }
    }
}
