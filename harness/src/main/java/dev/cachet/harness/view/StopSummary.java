package dev.cachet.harness.view;

import dev.cachet.context.Counted;
import dev.cachet.providers.Usage;
import dev.cachet.providers.session.SessionEvent;
import java.util.Locale;

/** How and why a session stopped, with its tokens by kind, its cost and its cache hit rate. */
public final class StopSummary {
    private StopSummary() {}

    public static String of(SessionEvent.Stopped stopped, Style style) {
        String turns = Counted.of(stopped.turn(), "turn");
        return style.bold(String.format(Locale.ROOT, "stopped: %s: %s (%s)", stopped.reason().label(), stopped.detail(), turns))
                + System.lineSeparator() + totals(stopped.usage(), stopped.costUsd());
    }

    /** Two lines: the tokens by kind, and the cost with the cache hit rate. */
    public static String totals(Usage u, double costUsd) {
        double hitRate = u.input() == 0 ? 0 : 100.0 * u.cacheRead() / u.input();
        return String.format(Locale.ROOT, "tokens:  input %,d (cache read %,d, cache write %,d, uncached %,d), output %,d%n"
                        + "cost:    $%.4f, cache hit rate %.1f%%",
                u.input(), u.cacheRead(), u.cacheWrite(), u.uncachedInput(), u.output(), costUsd, hitRate);
    }
}
