package dev.cachet.providers.cache;

import dev.cachet.context.strategy.CacheRates;
import dev.cachet.context.strategy.CacheReliability;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.pricing.ModelPrice;
import java.time.Duration;
import java.time.Instant;

/**
 * Chooses each request's cache lifetime from the model's prices and the session's own pauses and misses so far. With
 * writes at w5 and w60 and reads at r (multiples of the input price, from the price table: Anthropic's are 1.25, 2
 * and 0.1), a request that already finds C tokens cached and adds A writes A, plus the share m of C its provider
 * misses and writes again: an hour costs (w60 - w5)(A + mC) more. It saves, if the next gap is a pause of 5 to 60
 * minutes, writing the whole prefix again at w5 where it is read at r, or missed (1 - m of it is served) and written
 * again at w60: (C + A)(w5 - (1 - m) r - m w60). So an hour pays when P(pause) times that saving exceeds the
 * premium; at Anthropic's prices, with a provider that serves all it cached (m = 0), when P(pause) > 0.75 A / 1.15
 * (C + A).
 *
 * <p>P is the share of pauses among the gaps before this request, under a Beta(0, 1) prior: one gap without a pause
 * and none with. The premium is paid for certain and pays back only on a pause, so a session buys hours once it has
 * shown it pauses, not on a prior's say-so (Laplace's 1/2 would buy them on nearly every early request, whose
 * additions are small beside the prefix); the one gap keeps a first pause from counting as certain, and weighs no
 * more than any of the session's own after a few dozen. m is learnt as a strategy learns it ({@link CacheReliability}):
 * a provider that often misses what it cached (a recorded session read 63% of its input from the cache) rewrites at
 * the hour's price what it misses, and an hour rarely pays there.
 */
final class AutoLifetime implements LifetimeRule {
    static final Duration FIVE_MINUTES = CacheLifetime.FIVE_MINUTES.shortest();
    static final Duration ONE_HOUR = CacheLifetime.ONE_HOUR.shortest();
    private final double fiveMinuteWrite;
    private final double oneHourWrite;
    private final double read;
    private final CacheReliability reliability = new CacheReliability();
    private Instant previous;
    private int gaps;
    private int pauses;

    /**
     * @param price the model's listed prices, whose cache rates for 5 minutes and an hour the rule weighs. An hour
     *              listed below 5 minutes (a price list's slip) counts as 5 minutes' price: it would otherwise buy
     *              hours in a session that never pauses.
     */
    AutoLifetime(ModelPrice price) {
        CacheRates fiveMinutes = price.cacheRates(FIVE_MINUTES);
        this.fiveMinuteWrite = fiveMinutes.write();
        this.oneHourWrite = price.input() == 0 ? fiveMinuteWrite
                : Math.max(price.cacheWrite1h() / price.input(), fiveMinuteWrite);
        this.read = fiveMinutes.read();
    }

    @Override
    public Duration choose(long cached, long added, Instant at) {
        // Requests at one instant (a replay's warm-up and its first call), or out of order, leave no gap to count.
        if (previous != null && previous.isBefore(at)) {
            Duration gap = Duration.between(previous, at);
            gaps++;
            if (gap.compareTo(FIVE_MINUTES) > 0 && gap.compareTo(ONE_HOUR) <= 0) {
                pauses++;
            }
        }
        previous = at;
        double pause = pauses / (gaps + 1.0);
        double missed = 1 - reliability.share();
        double premium = (oneHourWrite - fiveMinuteWrite) * (added + missed * cached);
        double saving = (fiveMinuteWrite - (1 - missed) * read - missed * oneHourWrite) * (cached + added);
        return pause * saving > premium ? ONE_HOUR : FIVE_MINUTES;
    }

    @Override
    public void served(long predictedRead, double share) {
        reliability.served(predictedRead, share);
    }
}
