package dev.cachet.evals.suite;

import java.util.List;
import java.util.Optional;

/**
 * One task of a suite: clone {@code repo} at {@code commit}, run {@code setup}, give the agent {@code prompt} within
 * {@code budget}, then run {@code check} (exit 0 = solved). {@code repo} is a git URL or an absolute local path.
 *
 * @param checkFiles paths (files or directories) that are put back as they are at the commit before the check runs,
 *     besides the script the check command runs
 * @param checkNetwork whether the check may use the network although the agent's commands may not
 */
public record SuiteTask(
        String id,
        String repo,
        String commit,
        Optional<String> setup,
        String prompt,
        String check,
        RunBudget budget,
        List<String> tags,
        List<String> checkFiles,
        boolean checkNetwork) {

    public SuiteTask {
        tags = List.copyOf(tags);
        checkFiles = List.copyOf(checkFiles);
    }
}
