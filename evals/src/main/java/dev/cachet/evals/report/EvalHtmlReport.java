package dev.cachet.evals.report;

import dev.cachet.evals.matrix.EvalSummary;
import dev.cachet.evals.matrix.RunRecord;
import java.util.List;

/** An eval as one self-contained HTML page: summary, charts of solve rate and cost, the task matrix, every run. */
public final class EvalHtmlReport implements EvalRenderer {

    @Override
    public String render(String suite, List<RunRecord> records, EvalSummary summary) {
        StringBuilder html = Html.page("Eval report: " + suite)
                .append("<h1>Eval: ").append(Xml.escape(suite)).append("</h1>\n")
                .append("<p class=\"model\">Model: <code>").append(Xml.escape(EvalTables.models(records)))
                .append("</code></p>\n<h2>Summary</h2>\n");
        Html.table(html, "summary", EvalTables.summary(summary));
        html.append("<p>Intervals are bootstrap 95% intervals over runs, shown when tasks were repeated.</p>\n")
                .append("<div class=\"charts\">\n");
        EvalCharts.of(records, summary).forEach(html::append);
        html.append("</div>\n<h2>Tasks</h2>\n<p>Solved runs of all runs, and the mean cost of a run.</p>\n");
        Html.table(html, "tasks", EvalTables.tasks(summary));
        html.append("<h2>Runs</h2>\n");
        Html.table(html, "runs", EvalTables.runs(records));
        return Html.end(html);
    }
}
