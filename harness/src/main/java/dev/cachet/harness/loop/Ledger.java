package dev.cachet.harness.loop;

import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;

/**
 * The session's bill: every model request is charged here, the agent's turns and the strategy's own summary
 * requests alike, so budgets and reports see all of it.
 */
public final class Ledger {
    private final ModelPrice price;
    private Usage usage = Usage.ZERO;
    private double costUsd;

    public Ledger(ModelPrice price) {
        this.price = price;
    }

    /** Adds one request's usage and returns what it cost. */
    public double charge(Usage requestUsage) {
        double cost = price.cost(requestUsage);
        usage = usage.plus(requestUsage);
        costUsd += cost;
        return cost;
    }

    public Usage usage() {
        return usage;
    }

    public double costUsd() {
        return costUsd;
    }
}
