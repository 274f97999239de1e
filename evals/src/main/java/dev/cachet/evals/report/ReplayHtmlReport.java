package dev.cachet.evals.report;

import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayReport.Summary;
import dev.cachet.evals.replay.ReplayRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A replay as one self-contained HTML page: summary, three charts per trace, every run. */
public final class ReplayHtmlReport implements ReplayRenderer {

    @Override
    public String render(String modelSpec, List<ReplayRun> runs, ReplayReport report) {
        StringBuilder html = Html.page("Replay report: " + modelSpec)
                .append("<h1>Counterfactual replay</h1>\n")
                .append("<p class=\"model\">Model: <code>").append(Xml.escape(modelSpec)).append("</code></p>\n")
                .append("<h2>Summary</h2>\n");
        Html.table(html, "summary", ReplayTables.summary(report));

        Map<String, List<ReplayRun>> byTrace = new LinkedHashMap<>();
        runs.forEach(run -> byTrace.computeIfAbsent(run.trace(), t -> new ArrayList<>()).add(run));
        List<String> strategies = report.summary().stream().map(Summary::strategy).toList();
        List<String> traces = List.copyOf(byTrace.keySet());
        // Trace ids are file names, unfit as element ids: sections are numbered instead.
        html.append("<h2>Traces</h2>\n<nav>\n<ul>\n");
        for (int i = 0; i < traces.size(); i++) {
            html.append("<li><a href=\"#trace-").append(i + 1).append("\">").append(Xml.escape(traces.get(i)))
                    .append("</a></li>\n");
        }
        html.append("</ul>\n</nav>\n");
        for (int i = 0; i < traces.size(); i++) {
            html.append("<section id=\"trace-").append(i + 1).append("\">\n<h3>").append(Xml.escape(traces.get(i)))
                    .append("</h3>\n<div class=\"charts\">\n");
            ReplayCharts.of(byTrace.get(traces.get(i)), strategies).forEach(html::append);
            html.append("</div>\n</section>\n");
        }

        html.append("<h2>Runs</h2>\n");
        Html.table(html, "runs", ReplayTables.runs(report));
        return Html.end(html);
    }
}
