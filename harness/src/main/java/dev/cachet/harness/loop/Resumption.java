package dev.cachet.harness.loop;

import java.util.Optional;

/**
 * Where a session rebuilt from its log goes on: the turns it had, the tool calls that failed in a row at its end,
 * and its last model turn, which may still have calls to run.
 */
public record Resumption(int turn, int consecutiveErrors, Optional<LastTurn> last) {}
