package dev.cachet.evals.stats;

import dev.cachet.providers.Usage;

/**
 * The calls of one agent of a session, the session's own ({@code main}) or a sub-agent type's, and what they billed.
 *
 * @param costUsd the cost of its priced calls; null when none is priced
 */
public record AgentUsage(String agent, int calls, Usage usage, Double costUsd) {}
