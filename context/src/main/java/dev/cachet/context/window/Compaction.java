package dev.cachet.context.window;

/**
 * A strategy rewrote earlier parts of the window this turn, breaking the cached prefix after {@code keptTokens}.
 *
 * @param kind what was done, e.g. {@code mask}, {@code fold}, {@code summary}
 * @param removedTokens how much smaller the window is than without the compaction
 * @param rewrittenTokens tokens after the last kept breakpoint, which the provider must write to its cache again
 * @param predictedNetSaving the saving the strategy predicted, in input-token equivalents (0 when it did not predict)
 */
public record Compaction(String kind, int removedTokens, int keptTokens, int rewrittenTokens, double predictedNetSaving) {}
