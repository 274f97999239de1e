package dev.cachet.evals.matrix;

import java.nio.file.Path;

/**
 * What any executor needs to run tasks: the agent, the model of tasks that name none, and where workspaces go.
 *
 * @param keepWorkspaces leave each run's workspace on disk, to look at what the agent did
 */
public record ExecutorSettings(AgentRunner agent, String defaultModel, boolean keepWorkspaces, Path workRoot) {}
