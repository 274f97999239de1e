package dev.cachet.evals.report;

import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayReport.Summary;
import dev.cachet.evals.replay.ReplayRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A replay as one self-contained HTML page: summary, fidelity to the recorded bills, worst spikes, four charts per
 * trace, every run.
 */
public final class ReplayHtmlReport implements ReplayRenderer {
    private static final String ESTIMATED = "Estimated: the log lacks the usage of some call, so token counts are "
            + "o200k's and there is no recorded bill to draw.";

    @Override
    public String render(String modelSpec, String terms, List<ReplayRun> runs, ReplayReport report) {
        StringBuilder html = Html.page("Replay report: " + modelSpec)
                .append("<h1>Counterfactual replay</h1>\n")
                .append("<p class=\"model\">Billed as ").append(Xml.escape(ReplayTables.BILLED_AS))
                .append("<code>").append(Xml.escape(modelSpec)).append("</code>").append(Xml.escape(terms))
                .append("</p>\n")
                .append("<p>").append(Xml.escape(ReplayTables.basis(report))).append("</p>\n")
                .append("<h2>Summary</h2>\n");
        Html.table(html, "summary", ReplayTables.summary(report));
        html.append("<h2>Fidelity</h2>\n");
        Table fidelity = ReplayTables.fidelity(report, runs);
        if (fidelity.rows().isEmpty()) {
            html.append("<p>").append(Xml.escape(ReplayTables.NO_BILL)).append("</p>\n");
        } else {
            html.append("<p>").append(Xml.escape(ReplayTables.FIDELITY_NOTE)).append("</p>\n");
            Html.table(html, "fidelity", fidelity);
        }
        html.append("<h2>Worst spikes</h2>\n");
        Html.table(html, "spikes", ReplayTables.spikes(runs));
        html.append("<h2>Cache misses</h2>\n<p>").append(Xml.escape(ReplayTables.CACHE_NOTE)).append("</p>\n");
        Html.table(html, "cache", ReplayTables.cache(report));

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
            List<ReplayRun> traceRuns = byTrace.get(traces.get(i));
            html.append("<section id=\"trace-").append(i + 1).append("\">\n<h3>").append(Xml.escape(traces.get(i)))
                    .append("</h3>\n");
            if (traceRuns.stream().allMatch(ReplayRun::estimated)) {
                html.append("<p class=\"estimated\">").append(Xml.escape(ESTIMATED)).append("</p>\n");
            }
            html.append("<div class=\"charts\">\n");
            ReplayCharts.of(traceRuns, strategies).forEach(html::append);
            html.append("</div>\n</section>\n");
        }

        html.append("<h2>Runs</h2>\n");
        Html.table(html, "runs", ReplayTables.runs(report));
        return Html.end(html);
    }
}
