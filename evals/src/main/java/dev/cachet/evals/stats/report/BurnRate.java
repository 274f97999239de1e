package dev.cachet.evals.stats.report;

/**
 * How fast an active block spends, from its first call to its last, and what it reaches by the block's end at that
 * rate. Tokens are all tokens (input of every kind and output), as Anthropic's usage limits count them.
 */
public record BurnRate(double tokensPerMinute, double usdPerHour, long projectedTokens, double projectedUsd) {}
