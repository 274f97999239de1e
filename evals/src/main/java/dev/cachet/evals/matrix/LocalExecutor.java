package dev.cachet.evals.matrix;

import dev.cachet.context.Durations;
import dev.cachet.evals.CheckResult;
import dev.cachet.evals.TaskCheck;
import dev.cachet.evals.suite.SuiteTask;
import dev.cachet.evals.suite.TaskWorkspace;
import dev.cachet.evals.suite.Workspaces;
import dev.cachet.providers.Usage;
import dev.cachet.tools.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Executes runs on this machine: a fresh workspace under {@code workRoot}, the agent, then the task's check, which
 * alone decides whether the task was solved: it runs from its files as they are at the task's commit, in the agent's
 * sandbox. The workspace is deleted afterwards unless {@link Workspaces} keeps it.
 */
public final class LocalExecutor implements RunExecutor {
    /** Stands in for the agent's result when the agent never ran or threw. */
    private static final AgentResult NO_RESULT = new AgentResult(0, Usage.ZERO, 0, 0, "error");

    private final AgentRunner agent;
    private final Workspaces workspaces;
    private final Path workRoot;
    private final String defaultModel;
    private final Map<String, String> environment;
    private final Sandbox sandbox;

    /**
     * @param defaultModel the model of tasks that name none, as the agent is told
     * @param environment what each task's check runs with, less its secrets: the environment cachet was started with
     * @param sandbox the agent's, which confines the checks too
     */
    public LocalExecutor(AgentRunner agent, Workspaces workspaces, Path workRoot, String defaultModel,
            Map<String, String> environment, Sandbox sandbox) {
        this.agent = agent;
        this.workspaces = workspaces;
        this.workRoot = workRoot;
        this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
        this.environment = Map.copyOf(environment);
        this.sandbox = sandbox;
    }

    @Override
    public RunRecord execute(PlannedRun run) {
        SuiteTask task = run.task();
        long start = System.nanoTime();
        String stage = "workspace";
        String commit = null;
        AgentResult result = NO_RESULT;
        boolean solved = false;
        String error = null;
        String checkOutput = null;
        try (TaskWorkspace workspace = workspaces.prepare(task, workRoot)) {
            commit = workspace.commit();
            stage = "agent";
            result = Objects.requireNonNull(agent.run(task, run.strategy(), run.plan(), workspace.directory()),
                    "the agent returned no result");
            stage = "check";
            Duration timeout = task.budget().checkTimeout();
            workspace.checkFiles().restore(workspace.directory());
            CheckResult check = new TaskCheck(timeout, environment, checkSandbox(task))
                    .run(task.id(), task.check(), workspace.directory());
            solved = check.passed();
            if (!solved) {
                checkOutput = check.output();
            }
            if (check.timedOut()) {
                error = "check timed out after " + Durations.format(timeout);
            }
            stage = "clean-up";
        } catch (AgentFailedException e) {
            result = e.spent();
            error = stage + ": " + OneLine.of(e);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            error = stage + ": " + OneLine.of(e);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        return RunRecord.of(run, run.model(defaultModel), commit, result, solved, wall, error, checkOutput);
    }

    private Sandbox checkSandbox(SuiteTask task) {
        return task.checkNetwork() ? new Sandbox(sandbox.mode(), sandbox.allowedEnv(), true) : sandbox;
    }
}
