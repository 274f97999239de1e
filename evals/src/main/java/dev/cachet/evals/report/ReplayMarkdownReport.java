package dev.cachet.evals.report;

import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayRun;
import java.util.List;

/**
 * A replay as GitHub-flavoured Markdown: the summary and every run, as tables padded to line up in a terminal
 * too. It has no charts, so it needs only the report; the turn-by-turn runs are for formats that draw.
 */
public final class ReplayMarkdownReport implements ReplayRenderer {

    @Override
    public String render(String modelSpec, List<ReplayRun> runs, ReplayReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Counterfactual replay\n\nModel: ").append(Markdown.escape(modelSpec))
                .append("\n\n## Summary\n\n");
        Markdown.table(md, ReplayTables.summary(report));
        md.append("\n## Runs\n\n");
        Markdown.table(md, ReplayTables.runs(report));
        return md.toString();
    }
}
