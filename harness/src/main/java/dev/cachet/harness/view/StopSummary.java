package dev.cachet.harness.view;

import dev.cachet.providers.Usage;
import dev.cachet.providers.session.SessionEvent;
import java.util.Locale;

/** How and why a session stopped, with its tokens by kind, its cost and its cache hit rate. */
public final class StopSummary {
    private StopSummary() {}

    public static String of(SessionEvent.Stopped stopped, Style style) {
        Usage u = stopped.usage();
        double hitRate = u.input() == 0 ? 0 : 100.0 * u.cacheRead() / u.input();
        String turns = stopped.turn() == 1 ? "1 turn" : stopped.turn() + " turns";
        return style.bold(String.format(Locale.ROOT, "stopped: %s: %s (%s)", stopped.reason().label(), stopped.detail(), turns))
                + String.format(Locale.ROOT, "%ntokens:  input %,d (cache read %,d, cache write %,d, uncached %,d), output %,d%n"
                        + "cost:    $%.4f, cache hit rate %.1f%%",
                u.input(), u.cacheRead(), u.cacheWrite(), u.uncachedInput(), u.output(), stopped.costUsd(), hitRate);
    }
}
