package dev.cachet.providers;

import dev.cachet.context.message.AssistantTurn;

/** One model answer with what it cost in tokens and time. */
public record ModelResponse(AssistantTurn turn, Usage usage, long latencyMillis, FinishReason finishReason) {}
