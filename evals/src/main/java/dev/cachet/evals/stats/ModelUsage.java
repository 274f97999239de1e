package dev.cachet.evals.stats;

import dev.cachet.providers.Usage;

/**
 * The calls one model answered in a session, and what they billed.
 *
 * @param model      as the log names it; {@code unknown} where it names none
 * @param costUsd    null when the price table does not know the model
 * @param usageKnown false when some of its calls' logs record no usage, so the usage and cost leave them out
 */
public record ModelUsage(String model, int calls, Usage usage, Double costUsd, boolean usageKnown) {
    /** Whether its cost counts every call: its model has a price, and every call a bill. */
    public boolean complete() {
        return costUsd != null && usageKnown;
    }
}
