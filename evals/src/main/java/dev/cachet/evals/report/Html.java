package dev.cachet.evals.report;

import java.util.List;

/**
 * The parts every HTML report shares: a page that loads nothing from anywhere, so it opens offline and can be mailed
 * as it is, and tables. The markup is also well-formed XML, which lets tests parse it.
 */
final class Html {
    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1700px; padding: 0 1rem;
                   color: #222; }
            h1 { margin-bottom: 0.2rem; }
            .model { color: #555; margin-top: 0; }
            .estimated { color: #555; font-style: italic; }
            table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
            th, td { border: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; }
            th { background: #f4f4f4; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.sub { padding-left: 1.6rem; color: #555; }
            tbody tr:nth-child(even) { background: #fafafa; }
            .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 0.5rem; }
            .charts svg { width: 100%; height: auto; border: 1px solid #eee; }
            nav ul { columns: 3; }
            nav li { overflow-wrap: anywhere; }
            """;

    private Html() {}

    /** The document up to and including the opening body tag. */
    static StringBuilder page(String title) {
        return new StringBuilder(1 << 16)
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(Xml.escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    static String end(StringBuilder html) {
        return html.append("</body>\n</html>\n").toString();
    }

    static void table(StringBuilder html, String cssClass, Table table) {
        html.append("<table class=\"").append(cssClass).append("\">\n<thead>\n<tr>");
        table.headings().forEach(h -> html.append(h.numeric() ? "<th class=\"num\">" : "<th>")
                .append(Xml.escape(h.title())).append("</th>"));
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                // A row the table indents (a model under its day) is indented by style: HTML collapses the spaces.
                boolean sub = cell.startsWith(" ") && !cell.isBlank();
                html.append(table.headings().get(i).numeric() ? "<td class=\"num\">" : sub ? "<td class=\"sub\">"
                        : "<td>").append(Xml.escape(sub ? cell.strip() : cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }
}
