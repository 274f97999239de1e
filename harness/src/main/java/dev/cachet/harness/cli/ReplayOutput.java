package dev.cachet.harness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cachet.context.Json;
import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayRun;
import dev.cachet.evals.report.ReportFiles;
import dev.cachet.evals.report.ReplayHtmlReport;
import dev.cachet.evals.report.ReplayMarkdownReport;
import dev.cachet.evals.report.ReplayTextReport;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A replay's results in each format {@code cachet replay} prints or writes.
 *
 * @param terms how the runs were billed besides the model, as the report's head says it after the model
 */
record ReplayOutput(String model, String terms, List<ReplayRun> runs, ReplayReport report) {
    String render(ReplayCommand.Format format) {
        return switch (format) {
            case table -> new ReplayTextReport().render(model, terms, runs, report);
            case json -> json() + System.lineSeparator();
            case md -> new ReplayMarkdownReport().render(model, terms, runs, report);
            case html -> new ReplayHtmlReport().render(model, terms, runs, report);
        };
    }

    /** replay.json, replay.md and replay.html in {@code dir}, each written whole or not at all. */
    void writeAll(Path dir) {
        ReportFiles.write(dir.resolve("replay.json"), render(ReplayCommand.Format.json));
        ReportFiles.write(dir.resolve("replay.md"), render(ReplayCommand.Format.md));
        ReportFiles.write(dir.resolve("replay.html"), render(ReplayCommand.Format.html));
    }

    private String json() {
        try {
            return Json.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
