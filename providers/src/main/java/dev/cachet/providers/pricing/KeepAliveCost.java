package dev.cachet.providers.pricing;

import dev.cachet.providers.Usage;

/**
 * Whether keep-alive pings pay, by the cost model. A ping sends the last request again for one output token, reading
 * its cached prefix; letting the prefix expire instead costs writing it again at the next call rather than reading
 * it. Nobody knows when an idle session goes on, so each ping is a bet that it goes on before the next ping is due:
 * the {@code k}-th ping of an idle stretch still pays while {@code k} pings cost less than the one rewrite they
 * save. With Anthropic's 5-minute prices (read 0.1, write 1.25) that is up to 11 pings of a large prefix.
 */
public record KeepAliveCost(ModelPrice price) {
    /** What a ping of a request billed {@code last} costs: its cached prefix read, the rest uncached, one token out. */
    public double ping(Usage last) {
        return price.cost(new Usage(last.uncachedInput(), 0, prefix(last), 1, 0));
    }

    /** What letting the cached prefix of a request billed {@code last} expire costs: a write instead of a read. */
    public double expiry(Usage last) {
        ModelPrice tier = price.forPrompt(last.input());
        return tier.inputCost(new Usage(0, prefix(last), 0, 0, 0)) - tier.inputCost(new Usage(0, 0, prefix(last), 0, 0));
    }

    /** Whether the {@code ping}-th ping (from 1) of one idle stretch after a request billed {@code last} pays. */
    public boolean pays(Usage last, int ping) {
        return prefix(last) > 0 && ping * ping(last) < expiry(last);
    }

    // What the request left in the cache: what it read from it and what it wrote to it.
    private static long prefix(Usage last) {
        return last.cacheRead() + last.cacheWrite();
    }
}
