package dev.cachet.evals.matrix;

import dev.cachet.tools.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.Map;

/**
 * What any executor needs to run tasks: the agent, the model of tasks that name none, where workspaces go, the
 * environment cachet was started with, which tasks' setup and check commands run with, and the agent's sandbox,
 * which the checks run in too.
 *
 * @param keepWorkspaces leave each run's workspace on disk, to look at what the agent did
 */
public record ExecutorSettings(AgentRunner agent, String defaultModel, boolean keepWorkspaces, Path workRoot,
        Map<String, String> environment, Sandbox sandbox) {}
