package dev.cachet.evals.report;

import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayRun;
import java.util.List;

/**
 * A replay as GitHub-flavoured Markdown: the summary, the fidelity to the recorded bills, the worst spikes and
 * every run, as tables padded to line up in a terminal too.
 */
public final class ReplayMarkdownReport implements ReplayRenderer {

    @Override
    public String render(String modelSpec, String terms, List<ReplayRun> runs, ReplayReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Counterfactual replay\n\nBilled as ")
                .append(Markdown.escape(ReplayTables.BILLED_AS + modelSpec + terms))
                .append(".\n\n").append(ReplayTables.basis(report)).append("\n\n## Summary\n\n");
        Markdown.table(md, ReplayTables.summary(report));
        md.append("\n## Fidelity\n\n");
        Table fidelity = ReplayTables.fidelity(report, runs);
        if (fidelity.rows().isEmpty()) {
            md.append(ReplayTables.NO_BILL).append('\n');
        } else {
            md.append(ReplayTables.FIDELITY_NOTE).append("\n\n");
            Markdown.table(md, fidelity);
        }
        md.append("\n## Worst spikes\n\nThe ").append(Spikes.PER_STRATEGY)
                .append(" calls of each strategy with the highest input cost; cold calls came after the cache ")
                .append("expired.\n\n");
        Markdown.table(md, ReplayTables.spikes(runs));
        md.append("\n## Cache misses\n\n").append(ReplayTables.CACHE_NOTE).append("\n\n");
        Markdown.table(md, ReplayTables.cache(report));
        md.append("\n## Runs\n\n");
        Markdown.table(md, ReplayTables.runs(report));
        return md.toString();
    }
}
