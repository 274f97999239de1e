package dev.cachet.harness.eval;

import dev.cachet.evals.matrix.AgentFailedException;
import dev.cachet.evals.matrix.AgentResult;
import dev.cachet.evals.matrix.AgentRunner;
import dev.cachet.evals.suite.RunBudget;
import dev.cachet.evals.suite.SuiteTask;
import dev.cachet.evals.trace.IoReasons;
import dev.cachet.harness.Harness;
import dev.cachet.harness.RunSpec;
import dev.cachet.harness.loop.StopRequest;
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
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs cachet's own agent on one task of a suite, in the workspace the eval prepared, within the task's budget.
 * Each run's session log is moved into {@code sessionsDir}, beside the eval's results: the eval's runs are not the
 * user's sessions, and their workspaces are gone. The log of a run that was stopped is named
 * {@code *}{@value #INTERRUPTED_LOG}, so that replay and stats, which count finished runs, can leave it out.
 */
public final class HarnessAgentRunner implements AgentRunner {
    /** How the kept log of a run that Ctrl-C or SIGTERM stopped ends. */
    public static final String INTERRUPTED_LOG = ".interrupted.jsonl";

    private final Harness harness;
    private final Function<SuiteTask, PricedClient> models;
    private final Function<String, Map<String, Integer>> params;
    private final Sandbox sandbox;
    private final List<McpServerConfig> mcpServers;
    private final Path sessionsDir;
    private final RunStops stops;

    /**
     * @param models a new model client per run (clients such as replays are stateful)
     * @param params the configured parameters of a strategy, by name
     * @param stops  what stops the runs under way
     */
    public HarnessAgentRunner(Harness harness, Function<SuiteTask, PricedClient> models,
            Function<String, Map<String, Integer>> params, Sandbox sandbox, List<McpServerConfig> mcpServers,
            Path sessionsDir, RunStops stops) {
        this.harness = harness;
        this.models = models;
        this.params = params;
        this.sandbox = sandbox;
        this.mcpServers = List.copyOf(mcpServers);
        this.sessionsDir = sessionsDir;
        this.stops = stops;
    }

    @Override
    public AgentResult run(SuiteTask task, String strategy, Path workspace) throws AgentFailedException {
        return run(task, strategy, false, workspace);
    }

    /**
     * @throws AgentFailedException with what the run spent, if the provider failed it or its session logs could not
     *     be kept
     */
    @Override
    public AgentResult run(SuiteTask task, String strategy, boolean plan, Path workspace) throws AgentFailedException {
        RunSpec spec = new RunSpec(workspace, task.prompt(), strategy, params.apply(strategy), limits(task.budget()),
                ToolContext.DEFAULT_COMMAND_TIMEOUT, sandbox, Approver.ALWAYS, ToolLoading.DEFERRED, mcpServers, plan, 0);
        Watcher watcher = new Watcher();
        StopRequest stop = stops.open();
        Optional<String> logsLeft;
        try {
            harness.run(spec, models.apply(task), watcher, stop);
        } catch (ProviderException e) {
            // The loop logged its stop, with what the session had cost, before the error reached here.
            if (watcher.stopped == null) {
                throw e;
            }
        } finally {
            boolean interrupted = watcher.stopped != null && watcher.stopped.reason() == StopReason.INTERRUPTED;
            stops.close(stop, interrupted);
            logsLeft = keepLogs(task, plan ? strategy + "+plan" : strategy, workspace, interrupted);
        }
        SessionEvent.Stopped stopped = watcher.stopped;
        // A provider's error is the reason worth reading in a report; the other stops speak for themselves.
        boolean providerFailed = stopped.reason() == StopReason.PROVIDER_ERROR;
        String reason = providerFailed
                ? stopped.reason().label() + ": " + stopped.detail().lines().findFirst().orElse("")
                : stopped.reason().label();
        AgentResult result = new AgentResult(watcher.answers, stopped.usage(), stopped.costUsd(), watcher.peakWindow,
                reason);
        if (logsLeft.isPresent()) {
            throw new AgentFailedException(result, logsLeft.get());
        }
        if (providerFailed) {
            throw new AgentFailedException(result, reason);
        }
        return result;
    }

    private static Limits limits(RunBudget budget) {
        Limits limits = Limits.DEFAULT.withMaxTurns(budget.maxTurns()).withMaxWallTime(budget.timeout());
        return budget.maxCostUsd().isPresent() ? limits.withMaxCostUsd(budget.maxCostUsd().getAsDouble()) : limits;
    }

    /**
     * Moves the run's session logs into the eval's results, since its workspace is deleted after the run. Only the
     * logs cachet wrote: a log the agent planted in its workspace must not pass for one of the eval's runs.
     *
     * @return why the logs could not be moved, and where they are, if they could not
     */
    private Optional<String> keepLogs(SuiteTask task, String arm, Path workspace, boolean interrupted) {
        try {
            for (Path log : harness.sessionLogs().list(workspace)) {
                String name = log.getFileName().toString();
                String kept = interrupted ? name.replaceFirst("\\.jsonl$", INTERRUPTED_LOG) : name;
                Path target = sessionsDir.resolve(task.id()).resolve(arm + "-" + kept);
                Files.createDirectories(target.getParent());
                Files.move(log, target, StandardCopyOption.REPLACE_EXISTING);
            }
            removeIfEmpty(harness.sessionLogs().directoryFor(workspace));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot keep the session logs of task " + task.id() + " in " + sessionsDir + ": "
                    + IoReasons.of(e) + "; what is not there is in " + harness.sessionLogs().directoryFor(workspace));
        }
    }

    private static void removeIfEmpty(Path directory) throws IOException {
        try {
            Files.deleteIfExists(directory);
        } catch (DirectoryNotEmptyException e) {
            // Something besides the run's logs lives there: it is not the eval's to remove.
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
