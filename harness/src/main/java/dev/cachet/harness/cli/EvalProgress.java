package dev.cachet.harness.cli;

import dev.cachet.evals.matrix.Cancellation;
import dev.cachet.evals.matrix.EvalMatrix;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/** The eval's progress line, and its --max-total-cost guard: once the runs so far cost that much, none starts. */
final class EvalProgress implements Consumer<EvalMatrix.Progress> {
    private final ProgressLine line;
    private final Double maxTotalCost;
    private final Cancellation guard = new Cancellation();
    private boolean overBudget;

    /** @param maxTotalCost null for no limit */
    EvalProgress(PrintWriter err, Double maxTotalCost) {
        this.line = ProgressLine.on(err);
        this.maxTotalCost = maxTotalCost;
    }

    Cancellation guard() {
        return guard;
    }

    @Override
    public void accept(EvalMatrix.Progress p) {
        line.show(p.done(), p.total(), String.format(Locale.ROOT, "solved %d  $%.4f%s", p.solved(), p.costUsd(),
                p.eta().map(eta -> "  eta " + eta.toSeconds() + "s").orElse("")));
        if (maxTotalCost != null && p.costUsd() >= maxTotalCost) {
            overBudget = true;
            guard.cancel();
        }
    }

    /** Ends the line. */
    void finish() {
        line.finish();
    }

    /**
     * Whether the cost guard stopped the eval starting runs (Ctrl-C cancels it too), and if so says how many of the
     * planned runs it left.
     */
    boolean overBudget(PrintWriter err, int notRun, int planned) {
        // The last run may pass the limit: nothing was left out then.
        if (overBudget && notRun > 0) {
            err.printf(Locale.ROOT, "cachet: stopped starting runs at $%.4f (--max-total-cost): %d of %d runs not run; "
                    + "--resume goes on%n", maxTotalCost, notRun, planned);
            return true;
        }
        return false;
    }
}
