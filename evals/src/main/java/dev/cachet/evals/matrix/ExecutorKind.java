package dev.cachet.evals.matrix;

import dev.cachet.evals.suite.Workspaces;

/** Where runs execute: the choices of {@code cachet eval --executor}. */
public enum ExecutorKind {
    /** On this machine, {@code --jobs} at a time. */
    local,
    /** As a Kubernetes Indexed Job, one pod per run: a batch, see {@code matrix.kubernetes.KubernetesExecutor}. */
    kubernetes;

    /** The executor of runs on this machine; a cluster's is made with what it needs, not these settings. */
    public RunExecutor create(ExecutorSettings settings) {
        return switch (this) {
            case local -> new LocalExecutor(settings.agent(), new Workspaces(settings.keepWorkspaces(), settings.environment()),
                    settings.workRoot(), settings.defaultModel(), settings.environment(), settings.sandbox());
            case kubernetes -> throw new IllegalStateException("runs on a cluster execute as a batch, not one by one");
        };
    }
}
