package dev.cachet.harness.eval;

import dev.cachet.evals.matrix.AgentResult;
import dev.cachet.evals.matrix.AgentRunner;
import dev.cachet.evals.suite.RunBudget;
import dev.cachet.evals.suite.SuiteTask;
import dev.cachet.harness.Harness;
import dev.cachet.harness.RunSpec;
import dev.cachet.providers.session.Limits;
import dev.cachet.providers.session.StopReason;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.ProviderException;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.catalog.ToolLoading;
import dev.cachet.tools.mcp.McpServerConfig;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs cachet's own agent on one task of a suite, in the workspace the eval prepared, within the task's budget.
 * Each run's session log is copied into {@code sessionsDir}, beside the eval's results.
 */
public final class HarnessAgentRunner implements AgentRunner {
    private final Harness harness;
    private final Function<SuiteTask, PricedClient> models;
    private final Function<String, Map<String, Integer>> params;
    private final Sandbox sandbox;
    private final List<McpServerConfig> mcpServers;
    private final Path sessionsDir;

    /**
     * @param models a new model client per run (clients such as replays are stateful)
     * @param params the configured parameters of a strategy, by name
     */
    public HarnessAgentRunner(Harness harness, Function<SuiteTask, PricedClient> models,
            Function<String, Map<String, Integer>> params, Sandbox sandbox, List<McpServerConfig> mcpServers,
            Path sessionsDir) {
        this.harness = harness;
        this.models = models;
        this.params = params;
        this.sandbox = sandbox;
        this.mcpServers = List.copyOf(mcpServers);
        this.sessionsDir = sessionsDir;
    }

    @Override
    public AgentResult run(SuiteTask task, String strategy, Path workspace) {
        return run(task, strategy, false, workspace);
    }

    @Override
    public AgentResult run(SuiteTask task, String strategy, boolean plan, Path workspace) {
        RunSpec spec = new RunSpec(workspace, task.prompt(), strategy, params.apply(strategy), limits(task.budget()),
                ToolContext.DEFAULT_COMMAND_TIMEOUT, sandbox, Approver.ALWAYS, ToolLoading.DEFERRED, mcpServers, plan, 0);
        Watcher watcher = new Watcher();
        try {
            harness.run(spec, models.apply(task), watcher);
        } catch (ProviderException e) {
            // The loop logged its stop, with what the session had cost, before the error reached here.
            if (watcher.stopped == null) {
                throw e;
            }
        } finally {
            keepLogs(task, plan ? strategy + "+plan" : strategy, workspace);
        }
        SessionEvent.Stopped stop = watcher.stopped;
        // A provider's error is the reason worth reading in a report; the other stops speak for themselves.
        String reason = stop.reason() == StopReason.PROVIDER_ERROR
                ? stop.reason().label() + ": " + stop.detail().lines().findFirst().orElse("")
                : stop.reason().label();
        return new AgentResult(watcher.answers, stop.usage(), stop.costUsd(), watcher.peakWindow, reason);
    }

    private static Limits limits(RunBudget budget) {
        Limits limits = Limits.DEFAULT.withMaxTurns(budget.maxTurns()).withMaxWallTime(budget.timeout());
        return budget.maxCostUsd().isPresent() ? limits.withMaxCostUsd(budget.maxCostUsd().getAsDouble()) : limits;
    }

    /** Copies the run's session logs into the eval's results, since its workspace is deleted after the run. */
    private void keepLogs(SuiteTask task, String arm, Path workspace) {
        try {
            for (Path log : harness.sessionLogs().list(workspace)) {
                Path target = sessionsDir.resolve(task.id()).resolve(arm + "-" + log.getFileName());
                Files.createDirectories(target.getParent());
                Files.copy(log, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the session logs of task " + task.id() + " in " + sessionsDir, e);
        }
    }

    /** What the eval needs from the session's events: the model's answers, the largest window sent, how it stopped. */
    private static final class Watcher implements SessionListener {
        private int answers;
        private int peakWindow;
        private SessionEvent.Stopped stopped;

        @Override
        public void on(SessionEvent event) {
            if (event instanceof SessionEvent.ModelResponded) {
                answers++;
            } else if (event instanceof SessionEvent.WindowRendered window) {
                peakWindow = Math.max(peakWindow, window.tokens());
            } else if (event instanceof SessionEvent.Stopped stop) {
                stopped = stop;
            }
        }
    }
}
