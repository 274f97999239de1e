package dev.cachet.evals.matrix;

import dev.cachet.providers.Usage;
import java.util.Objects;

/**
 * What an agent run spent and why it stopped; whether it solved the task is for the check to say.
 *
 * @param peakWindowTokens the largest window sent to the model in the run
 * @param stopReason       why the agent stopped, such as {@code done} or {@code max_turns}
 */
public record AgentResult(int turns, Usage usage, double costUsd, int peakWindowTokens, String stopReason) {
    public AgentResult {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(stopReason, "stopReason");
    }
}
