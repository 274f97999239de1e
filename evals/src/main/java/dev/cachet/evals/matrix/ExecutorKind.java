package dev.cachet.evals.matrix;

import dev.cachet.evals.suite.Workspaces;

/** Where runs execute: the choices of {@code cachet eval --executor}. */
public enum ExecutorKind {
    /** On this machine, {@code --jobs} at a time. */
    local;

    public RunExecutor create(ExecutorSettings settings) {
        return switch (this) {
            case local -> new LocalExecutor(settings.agent(), new Workspaces(settings.keepWorkspaces(), settings.environment()),
                    settings.workRoot(), settings.defaultModel(), settings.environment(), settings.sandbox());
        };
    }
}
