package dev.cachet.context.strategy;

/**
 * How much of what the cache should have served the provider did serve, learnt from the session's calls. A provider
 * that drops cached prefixes (a recorded Bedrock session read nothing 8 s after writing, call after call) bills part
 * of every kept token at the write price: keeping tokens costs more than the read price, and a compaction breaks less
 * cache than the windows alone say. The estimate is the share of tokens served, since tokens are what is billed: a
 * miss on a small early call weighs little. Before any call the provider is taken at its word, and that promise
 * stays in the estimate as one more call like the first, served in full, so one early miss does not make it
 * worthless.
 */
public final class CacheReliability {
    private double served;
    private double predicted;

    /**
     * A reliable cache would have read {@code predicted} tokens of a call's window, and the provider served
     * {@code share} of them (above 1 counts as 1).
     */
    public void served(long predicted, double share) {
        if (predicted < 0 || !(share >= 0)) {
            throw new IllegalArgumentException("a cache read must be served a share >= 0 of tokens >= 0, got "
                    + share + " of " + predicted);
        }
        if (this.predicted == 0) {
            this.served = predicted;
            this.predicted = predicted;
        }
        this.served += Math.min(1, share) * predicted;
        this.predicted += predicted;
    }

    /** The expected price of a token meant to be read from the cache: the read price when served, else written again. */
    public double cachedTokenRate(CacheRates rates) {
        double share = share();
        return share * rates.read() + (1 - share) * rates.write();
    }

    /** The share of what it should have read from the cache that the provider is expected to serve. */
    public double share() {
        return predicted == 0 ? 1 : served / predicted;
    }

    /** Turns after which keeping an unused output has cost what reading it again would: input over cached price. */
    public int idleTurns(CacheRates rates) {
        double cached = cachedTokenRate(rates);
        // Rates are ratios of decimal prices (0.3 / 3): a rounding error must not add a turn.
        return cached == 0 ? Integer.MAX_VALUE : (int) Math.ceil(1 / cached - 1e-9);
    }
}
