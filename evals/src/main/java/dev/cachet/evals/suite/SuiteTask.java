package dev.cachet.evals.suite;

import java.util.List;
import java.util.Optional;

/**
 * One task of a suite: clone {@code repo} at {@code commit}, run {@code setup}, give the agent {@code prompt} within
 * {@code budget}, then run {@code check} (exit 0 = solved). {@code repo} is a git URL or an absolute local path.
 */
public record SuiteTask(
        String id,
        String repo,
        String commit,
        Optional<String> setup,
        String prompt,
        String check,
        RunBudget budget,
        List<String> tags) {

    public SuiteTask {
        tags = List.copyOf(tags);
    }
}
