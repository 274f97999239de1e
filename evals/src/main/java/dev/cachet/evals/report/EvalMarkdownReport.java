package dev.cachet.evals.report;

import dev.cachet.evals.matrix.EvalSummary;
import dev.cachet.evals.matrix.RunRecord;
import java.util.List;

/** An eval as GitHub-flavoured Markdown, for a terminal or a pull request: the summary and the task matrix. */
public final class EvalMarkdownReport implements EvalRenderer {

    @Override
    public String render(String suite, List<RunRecord> records, EvalSummary summary) {
        StringBuilder md = new StringBuilder();
        md.append("# Eval: ").append(Markdown.escape(suite)).append("\n\nModel: ")
                .append(Markdown.escape(EvalTables.models(records))).append("\n\n## Summary\n\n");
        Markdown.table(md, EvalTables.summary(summary));
        md.append("\nIntervals are bootstrap 95% intervals over runs, shown when tasks were repeated.\n")
                .append("\n## Tasks\n\nSolved runs of all runs, and the mean cost of a run.\n\n");
        Markdown.table(md, EvalTables.tasks(summary));
        List<RunRecord> failed = EvalTables.failed(records);
        if (!failed.isEmpty()) {
            md.append("\n## Failed runs\n\n");
            Markdown.table(md, EvalTables.failures(failed));
        }
        return md.toString();
    }
}
