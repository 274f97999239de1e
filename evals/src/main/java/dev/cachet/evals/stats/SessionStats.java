package dev.cachet.evals.stats;

import dev.cachet.providers.Usage;
import java.util.List;

/**
 * What one recorded session cost and where its tokens went, from the usage its provider billed: its own calls and
 * its sub-agents', each call priced at its own model.
 *
 * @param model               the model of the session's own first call (see {@code models} for all)
 * @param turns               the model calls of the session's own context
 * @param calls               every model call, sub-agents' included, each counted once
 * @param costUsd             the cost of its priced calls; null when none is priced
 * @param priced              false when some call's model is in no price table (its tokens are still counted)
 * @param usageKnown          false when some call's log records no usage
 * @param agents              the session's own agent ({@code main}) first, then each sub-agent type, by first call
 * @param models              each model that answered, by first call
 * @param burnUsdPerHour      cost over the session's wall time; null without timestamps, a price, or a minute of work
 * @param contextGrowth       mean input of the last 5 turns over the first 5; 1 for sessions of 5 turns or fewer
 * @param toolSchemaShare     tokens of tool schemas over input per turn; null when the log does not record the schemas
 * @param largestToolResultTokens the biggest single tool output, the usual cause of a runaway context
 * @param leaks               the leaks found, as flags
 * @param leakCosts           the same leaks with how often each happened and what it cost
 * @param pings               the keep-alive pings among its calls (cachet's logs record them)
 * @param pingCostUsd         what those pings cost, part of {@code costUsd}: 0 without pings, null when none is priced
 */
public record SessionStats(
        String session,
        String format,
        String model,
        int turns,
        int calls,
        Usage usage,
        Double costUsd,
        boolean priced,
        boolean usageKnown,
        List<AgentUsage> agents,
        List<ModelUsage> models,
        double cacheHitRate,
        double tokensPerTurn,
        Double hours,
        Double burnUsdPerHour,
        double contextGrowth,
        Double toolSchemaShare,
        int largestToolResultTokens,
        List<Leak> leaks,
        List<LeakCost> leakCosts,
        int pings,
        Double pingCostUsd) {

    public SessionStats {
        agents = List.copyOf(agents);
        models = List.copyOf(models);
        leaks = List.copyOf(leaks);
        leakCosts = List.copyOf(leakCosts);
    }

    /** Whether its cost counts every call: none of an unpriced model, none without a bill. */
    public boolean complete() {
        return priced && usageKnown;
    }
}
