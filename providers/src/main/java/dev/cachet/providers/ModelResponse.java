package dev.cachet.providers;

import dev.cachet.context.message.AssistantTurn;
import java.util.Optional;

/**
 * One model answer with what it cost in tokens and time. {@code usage} is empty when the provider sent none: the
 * cost is then unknown, which is not the same as zero.
 */
public record ModelResponse(AssistantTurn turn, Optional<Usage> usage, long latencyMillis, FinishReason finishReason) {
    public ModelResponse(AssistantTurn turn, Usage usage, long latencyMillis, FinishReason finishReason) {
        this(turn, Optional.of(usage), latencyMillis, finishReason);
    }
}
