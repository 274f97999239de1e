package dev.cachet.evals.stats;

/**
 * What one leak of a session cost.
 *
 * @param count   the calls (or tool results, for an oversized one) that leaked
 * @param costUsd what they were billed beyond what the leak-free session would have paid, as {@link Leak} says per
 *                leak; priced calls only
 */
public record LeakCost(Leak leak, int count, double costUsd) {}
