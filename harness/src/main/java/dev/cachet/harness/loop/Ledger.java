package dev.cachet.harness.loop;

import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;

/**
 * The session's bill: every model request is charged here, the agent's turns and the strategy's own summary
 * requests alike, so budgets and reports see all of it.
 */
public final class Ledger {
    private final ModelPrice price;
    private Usage usage;
    private double costUsd;

    public Ledger(ModelPrice price) {
        this(price, Usage.ZERO, 0);
    }

    /** A ledger that goes on from what a resumed session had spent, as its log tells. */
    public Ledger(ModelPrice price, Usage spent, double spentUsd) {
        this.price = price;
        this.usage = spent;
        this.costUsd = spentUsd;
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
