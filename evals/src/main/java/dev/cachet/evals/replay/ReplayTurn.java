package dev.cachet.evals.replay;

import dev.cachet.providers.Usage;

/**
 * One model call as a strategy would have made it.
 *
 * @param references names the real action used that came from earlier observations
 * @param visible    how many of them the strategy's window still showed
 * @param cold       whether the call came after the cache's TTL had passed since the previous one
 */
public record ReplayTurn(int turn, int windowTokens, Usage usage, double costUsd, double inputCostUsd, int references,
        int visible, boolean cold) {}
