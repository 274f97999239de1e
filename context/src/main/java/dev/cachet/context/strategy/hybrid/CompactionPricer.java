package dev.cachet.context.strategy.hybrid;

import dev.cachet.context.strategy.CacheRates;
import dev.cachet.context.strategy.CacheReliability;
import dev.cachet.context.window.Breakpoint;
import dev.cachet.context.window.SharedPrefix;
import dev.cachet.context.window.Window;
import java.util.Optional;

/**
 * Prices a compaction from the windows alone. With cache reads at r and writes at w (multiples of the input price),
 * a compaction that removes D tokens saves {@code D·r} on every later turn (the rent), and costs once what it adds
 * to this turn: the prompt after the last breakpoint it keeps is written at w instead of mostly read at r. Only the
 * previous request's breakpoints count as kept, because only those are warm in the provider's cache. Once the cache
 * has expired nothing is warm: the whole prompt is written again anyway, so a compaction then costs nothing extra and
 * makes that rewrite smaller. A provider that does not serve all it cached ({@link CacheReliability}) bills the
 * tokens meant to be read at their expected rate c between r and w: the rent is {@code D·c}, and what the compaction
 * rewrites was partly written again anyway. With a reliable cache c is r. Where the model bills a long prompt more
 * ({@link CacheRates#factor}), each window costs its own factor: a compaction that brings the window back under the
 * threshold saves that premium on every token it keeps, every later turn. That rent is an estimate both ways: it
 * leaves out the premium the later turns' new tokens would have paid, and it counts the premium as saved while the
 * window, growing again, may pass the threshold before the session ends.
 */
final class CompactionPricer {
    private final CacheReliability reliability;

    CompactionPricer(CacheReliability reliability) {
        this.reliability = reliability;
    }

    /**
     * The price of sending {@code compacted} instead of {@code now}, the turn after {@code previous} was sent, at
     * {@code rates}; empty when the compaction removes nothing.
     *
     * @param expired whether the cache's TTL has passed since {@code previous} was sent
     */
    Optional<CompactionPrice> price(CacheRates rates, Window previous, Window now, Window compacted, boolean expired) {
        int removed = now.tokens() - compacted.tokens();
        if (removed <= 0) {
            return Optional.empty();
        }
        int firstChange = SharedPrefix.length(now.messages(), compacted.messages());
        int kept = expired ? 0 : previous.breakpoints().stream().filter(b -> b.messages() <= firstChange)
                .mapToInt(Breakpoint::tokens).max().orElse(0);
        int cachedBefore = expired ? 0 : previous.tokens();
        double cached = reliability.cachedTokenRate(rates);
        double factorNow = rates.factor(now.tokens());
        double factorCompacted = rates.factor(compacted.tokens());
        double thisTurnWithout = (cachedBefore * cached + (now.tokens() - cachedBefore) * rates.write()) * factorNow;
        double thisTurnWith = (kept * cached + (compacted.tokens() - kept) * rates.write()) * factorCompacted;
        double rent = removed * cached * factorNow + compacted.tokens() * cached * (factorNow - factorCompacted);
        return Optional.of(new CompactionPrice(removed, kept, thisTurnWith - thisTurnWithout, rent));
    }
}
