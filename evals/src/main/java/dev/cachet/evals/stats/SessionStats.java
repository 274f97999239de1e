package dev.cachet.evals.stats;

import dev.cachet.providers.Usage;
import java.util.List;

/**
 * What one recorded session cost and where its tokens went, from the usage its provider billed.
 *
 * @param costUsd             null when the price table does not list the model
 * @param burnUsdPerHour      cost over the session's wall time; null without timestamps, a price, or a minute of work
 * @param contextGrowth       mean input of the last 5 turns over the first 5; 1 for sessions of 5 turns or fewer
 * @param toolSchemaShare     tokens of tool schemas over input per turn; null when the log does not record the schemas
 * @param largestToolResultTokens the biggest single tool output, the usual cause of a runaway context
 */
public record SessionStats(
        String session,
        String format,
        String model,
        int turns,
        Usage usage,
        Double costUsd,
        double cacheHitRate,
        double tokensPerTurn,
        Double hours,
        Double burnUsdPerHour,
        double contextGrowth,
        Double toolSchemaShare,
        int largestToolResultTokens,
        List<Leak> leaks) {

    public SessionStats {
        leaks = List.copyOf(leaks);
    }
}
