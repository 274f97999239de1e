package dev.cachet.context.strategy;

/** A number a strategy can be tuned with, e.g. {@code keep=10}. */
public record StrategyParam(String name, int defaultValue, String description) {}
