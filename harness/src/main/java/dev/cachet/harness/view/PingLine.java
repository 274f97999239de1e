package dev.cachet.harness.view;

import dev.cachet.providers.session.SessionEvent;
import java.util.Locale;

/** A keep-alive ping: which of its idle stretch, the cached tokens it read, what it cost, and the running total. */
public final class PingLine {
    private PingLine() {}

    public static String of(SessionEvent.Pinged ping, double totalUsd, Style style) {
        String read = ping.usage() == null ? "usage unknown: the provider sent none"
                : String.format(Locale.ROOT, "read %,d cached tokens to keep them", ping.usage().cacheRead());
        return style.dim(String.format(Locale.ROOT, "  ping %d after turn %d: %s  ", ping.ping(), ping.turn(), read))
                + String.format(Locale.ROOT, "$%.4f", ping.costUsd())
                + style.dim(String.format(Locale.ROOT, "  total $%.4f", totalUsd));
    }
}
