package dev.cachet.harness.view;

import dev.cachet.providers.Usage;
import dev.cachet.providers.session.SessionEvent;
import java.util.Locale;

/**
 * The tokens and cost of one model request: input by kind (and the share the tool schemas took), output, what the
 * turn cost, and the session's running total, each labelled so one is not read for the other.
 */
public final class TokenLine {
    private TokenLine() {}

    public static String of(SessionEvent.ModelResponded response, double totalUsd, Style style) {
        Usage u = response.usage();
        String turn = String.format(Locale.ROOT, "turn %3d  ", response.turn());
        if (u == null) {
            return style.dim(turn + "usage unknown: the provider sent none") + "  "
                    + style.dim(String.format(Locale.ROOT, "total $%.4f", totalUsd));
        }
        double toolShare = u.input() == 0 ? 0 : 100.0 * response.toolSchemaTokens() / u.input();
        return style.dim(String.format(Locale.ROOT, "%sin %,d (cache read %,d, write %,d, uncached %,d; tools %.0f%%)  out %,d  ",
                turn, u.input(), u.cacheRead(), u.cacheWrite(), u.uncachedInput(), toolShare, u.output()))
                + String.format(Locale.ROOT, "$%.4f this turn", response.costUsd())
                + style.dim(String.format(Locale.ROOT, "  total $%.4f", totalUsd));
    }
}
