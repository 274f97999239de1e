package dev.cachet.evals.report;

import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayReport.Summary;
import dev.cachet.evals.replay.ReplayRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A replay as one self-contained HTML page: summary, three charts per trace, every run. It loads nothing from
 * anywhere, so it opens offline and can be mailed or attached as it is. The markup is also well-formed XML, which
 * lets tests parse it.
 */
public final class ReplayHtmlReport implements ReplayRenderer {
    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1700px; padding: 0 1rem;
                   color: #222; }
            h1 { margin-bottom: 0.2rem; }
            .model { color: #555; margin-top: 0; }
            table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
            th, td { border: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; }
            th { background: #f4f4f4; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            tbody tr:nth-child(even) { background: #fafafa; }
            .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 0.5rem; }
            .charts svg { width: 100%; height: auto; border: 1px solid #eee; }
            nav ul { columns: 3; }
            """;

    @Override
    public String render(String modelSpec, List<ReplayRun> runs, ReplayReport report) {
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>Replay report: ").append(Xml.escape(modelSpec)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>Counterfactual replay</h1>\n")
                .append("<p class=\"model\">Model: <code>").append(Xml.escape(modelSpec)).append("</code></p>\n")
                .append("<h2>Summary</h2>\n");
        table(html, "summary", ReplayTables.summary(report));

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
        table(html, "runs", ReplayTables.runs(report));
        return html.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder html, String cssClass, Table table) {
        html.append("<table class=\"").append(cssClass).append("\">\n<thead>\n<tr>");
        table.headings().forEach(h -> html.append(h.numeric() ? "<th class=\"num\">" : "<th>")
                .append(Xml.escape(h.title())).append("</th>"));
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append(table.headings().get(i).numeric() ? "<td class=\"num\">" : "<td>")
                        .append(Xml.escape(row.get(i))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }
}
