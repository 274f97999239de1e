package dev.cachet.context.strategy;

/** A number a strategy can be tuned with, e.g. {@code keep=10}, and the smallest value that makes sense. */
public record StrategyParam(String name, int defaultValue, int minimum, String description) {}
