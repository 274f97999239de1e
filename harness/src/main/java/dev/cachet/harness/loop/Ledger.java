package dev.cachet.harness.loop;

import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import java.util.Optional;

/**
 * The session's bill: every model request is charged here, the agent's turns, the strategy's own summary requests
 * and keep-alive pings alike, so budgets and reports see all of it; pings are also counted apart.
 */
public final class Ledger {
    private final ModelPrice price;
    private Usage usage;
    private double costUsd;
    private Pings pings;

    public Ledger(ModelPrice price) {
        this(price, Usage.ZERO, 0, Pings.NONE);
    }

    /** A ledger that goes on from what a resumed session had spent, as its log tells. */
    public Ledger(ModelPrice price, Usage spent, double spentUsd, Pings pinged) {
        this.price = price;
        this.usage = spent;
        this.costUsd = spentUsd;
        this.pings = pinged;
    }

    /** Adds one request's usage and returns what it cost. */
    public double charge(Usage requestUsage) {
        double cost = price.cost(requestUsage);
        usage = usage.plus(requestUsage);
        costUsd += cost;
        return cost;
    }

    /** Adds a keep-alive ping's usage (empty when the provider sent none) and returns what it cost. */
    public double chargePing(Optional<Usage> pingUsage) {
        double cost = pingUsage.map(this::charge).orElse(0.0);
        pings = pings.plus(cost);
        return cost;
    }

    public Pings pings() {
        return pings;
    }

    public Usage usage() {
        return usage;
    }

    public double costUsd() {
        return costUsd;
    }
}
