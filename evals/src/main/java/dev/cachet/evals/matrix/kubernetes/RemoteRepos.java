package dev.cachet.evals.matrix.kubernetes;

import dev.cachet.evals.matrix.PlannedRun;
import java.util.List;

/** A pod clones each task's repository itself: only a URL the cluster can reach will do, never a laptop's path. */
public final class RemoteRepos {
    private static final List<String> REACHABLE = List.of("https://", "http://", "ssh://", "git@");

    private RemoteRepos() {}

    /** @throws ClusterException naming every task whose repo is a local path or a file:// URL */
    public static void require(List<PlannedRun> runs) {
        List<String> local = runs.stream().map(PlannedRun::task).distinct()
                .filter(task -> REACHABLE.stream().noneMatch(task.repo()::startsWith))
                .map(task -> task.id() + " (" + task.repo() + ")").toList();
        if (!local.isEmpty()) {
            throw new ClusterException("--executor kubernetes clones each task's repo in its pod, so it must be a git "
                    + "URL the cluster can reach; local: " + String.join(", ", local));
        }
    }
}
