package dev.cachet.context.strategy.hybrid;

/**
 * What a compaction costs and saves, in input-token equivalents (token counts times the rate of the input price
 * they are billed at).
 *
 * @param removed how many tokens smaller the window gets
 * @param kept tokens before the first change that a breakpoint of the previous request keeps cached
 * @param extraCost what compacting adds to this turn's bill (negative when it makes this turn cheaper)
 * @param rentPerTurn what keeping the removed tokens would cost on every later turn: reading them from the cache,
 *     or writing them again where it does not serve them
 */
record CompactionPrice(int removed, int kept, double extraCost, double rentPerTurn) {
    /**
     * Rent or buy: compact once both the rent already paid (summed over the turns this compaction was on offer) and
     * the rent still expected cover the cost. The first stops compactions following each other before the last one
     * has paid off; the second stops them near the end of a session.
     */
    boolean pays(double rentPaid, double remainingTurns) {
        return extraCost <= 0 || (rentPaid >= extraCost && remainingTurns * rentPerTurn >= extraCost);
    }

    /** The rent the remaining turns no longer pay, less the cost of compacting now. */
    double predictedNetSaving(double remainingTurns) {
        return remainingTurns * rentPerTurn - extraCost;
    }
}
