package dev.cachet.evals.replay;

import java.util.List;

/**
 * How a replay's token counts are fitted to what the original provider billed. The log holds the messages but not
 * what the harness sent around them (system prompt, tool schemas), and o200k is not the provider's tokenizer. Each
 * call's billed input is taken as {@code unseenPrefix + factor × rebuilt window}: the factor from the calls whose
 * billed input grew as the rebuilt window grew (those increments are the new messages, in the provider's own
 * tokens), the unseen prefix from the first call, where nothing else can hide.
 *
 * @param factor       provider tokens per o200k token
 * @param unseenPrefix tokens each request carried that the log does not hold
 * @param estimated    true when the trace lacks the usage of some call, so nothing was fitted
 */
public record Calibration(double factor, long unseenPrefix, boolean estimated) {
    /** A trace without usage: o200k counts as they are, and nothing unseen. */
    public static final Calibration ESTIMATED = new Calibration(1.0, 0, true);

    /**
     * Fitted on each call's billed input and the same call's rebuilt transcript window. A factor outside [1/2, 2] is
     * no tokenizer difference but increments that do not belong to the messages (a compaction, a sidechain), so
     * the fit then keeps o200k's counts.
     */
    public static Calibration fit(List<Long> billedInput, List<Long> rebuiltWindow) {
        if (billedInput.isEmpty() || billedInput.size() != rebuiltWindow.size()) {
            throw new IllegalArgumentException("one billed input per rebuilt window, got " + billedInput.size() + " and "
                    + rebuiltWindow.size());
        }
        long billedGrowth = 0;
        long rebuiltGrowth = 0;
        for (int i = 1; i < billedInput.size(); i++) {
            long billed = billedInput.get(i) - billedInput.get(i - 1);
            long rebuilt = rebuiltWindow.get(i) - rebuiltWindow.get(i - 1);
            if (billed > 0 && rebuilt > 0) {
                billedGrowth += billed;
                rebuiltGrowth += rebuilt;
            }
        }
        double factor = rebuiltGrowth == 0 ? 1.0 : (double) billedGrowth / rebuiltGrowth;
        if (factor < 0.5 || factor > 2.0) {
            factor = 1.0;
        }
        long unseen = Math.max(0, Math.round(billedInput.get(0) - factor * rebuiltWindow.get(0)));
        return new Calibration(factor, unseen, false);
    }
}
