package dev.cachet.evals.stats;

import dev.cachet.providers.Usage;

/**
 * The calls one model answered in a session, and what they billed.
 *
 * @param model   as the log names it; {@code unknown} where it names none
 * @param costUsd null when the price table does not know the model
 */
public record ModelUsage(String model, int calls, Usage usage, Double costUsd) {}
