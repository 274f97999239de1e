package dev.cachet.harness.view;

import dev.cachet.context.Counted;
import dev.cachet.harness.loop.Pings;
import dev.cachet.providers.Usage;
import dev.cachet.providers.session.SessionEvent;
import java.util.Locale;

/** How and why a session stopped, with its tokens by kind, its cost, its cache hit rate and its keep-alive pings. */
public final class StopSummary {
    private StopSummary() {}

    /** @param pings the keep-alive pings the session sent, which its tokens and cost include */
    public static String of(SessionEvent.Stopped stopped, Pings pings, Style style) {
        String turns = Counted.of(stopped.turn(), "turn");
        return style.bold(String.format(Locale.ROOT, "stopped: %s: %s (%s)", stopped.reason().label(), stopped.detail(), turns))
                + System.lineSeparator() + totals(stopped.usage(), stopped.costUsd(), pings);
    }

    /** Two lines: the tokens by kind, and the cost with the cache hit rate; a third for pings, where any were sent. */
    public static String totals(Usage u, double costUsd, Pings pings) {
        double hitRate = u.input() == 0 ? 0 : 100.0 * u.cacheRead() / u.input();
        String totals = String.format(Locale.ROOT, "tokens:  input %,d (cache read %,d, cache write %,d, uncached %,d), output %,d%n"
                        + "cost:    $%.4f, cache hit rate %.1f%%",
                u.input(), u.cacheRead(), u.cacheWrite(), u.uncachedInput(), u.output(), costUsd, hitRate);
        return pings.count() == 0 ? totals
                : totals + String.format(Locale.ROOT, "%npings:   %d, $%.4f", pings.count(), pings.costUsd());
    }
}
