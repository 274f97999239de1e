package dev.cachet.evals.matrix.kubernetes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a Kubernetes eval ended, for the coordinator to tell the user.
 *
 * @param job        the Job it followed last; none when no run was left to submit
 * @param reattached the Job was already running when this coordinator started
 * @param detached   the user stopped watching; the Job runs on
 * @param missing    runs with no record yet, each with why: {@code --resume} runs them again
 */
public record ClusterReport(Optional<String> job, boolean reattached, boolean detached, Map<String, String> missing) {
    public ClusterReport {
        missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    }
}
