package dev.cachet.evals.report;

import dev.cachet.evals.matrix.EvalSummary;
import dev.cachet.evals.matrix.RunRecord;
import java.nio.file.Path;
import java.util.List;

/** An eval's three reports, written side by side into its directory. */
public final class EvalReports {
    private EvalReports() {}

    /** Writes report.json, report.md and report.html into {@code dir}; returns the Markdown, for the terminal. */
    public static String write(Path dir, String suite, List<RunRecord> records) {
        EvalSummary summary = EvalSummary.of(records);
        String markdown = new EvalMarkdownReport().render(suite, records, summary);
        ReportFiles.write(dir.resolve("report.json"), new EvalJsonReport().render(suite, records, summary));
        ReportFiles.write(dir.resolve("report.md"), markdown);
        ReportFiles.write(dir.resolve("report.html"), new EvalHtmlReport().render(suite, records, summary));
        return markdown;
    }
}
