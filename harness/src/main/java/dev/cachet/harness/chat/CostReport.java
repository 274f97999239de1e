package dev.cachet.harness.chat;

import dev.cachet.context.Counted;
import dev.cachet.harness.OpenSession;
import dev.cachet.harness.view.StopSummary;
import java.util.List;
import java.util.Locale;

/** {@code /cost}: the session's tokens by kind and cost, its cache hit rate, and the chat's burn rate. */
final class CostReport {
    private CostReport() {}

    static List<String> of(OpenSession session, Burn burn) {
        String perHour = burn.dollarsPerHour().map(d -> String.format(Locale.ROOT, ", $%.2f an hour", d))
                .orElse("");
        return List.of(
                "session " + session.id() + ", " + Counted.of(session.turns(), "turn"),
                StopSummary.totals(session.ledger().usage(), session.ledger().costUsd(), session.ledger().pings()),
                String.format(Locale.ROOT, "burn:    $%.4f and %,.0f tokens a turn, cache hit rate %.1f%% over the last %s%s",
                        burn.costPerTurn(), burn.tokensPerTurn(), 100 * burn.recentHitRate(),
                        Counted.of(Math.min(Burn.RECENT, burn.turns()), "turn"), perHour));
    }
}
