package dev.cachet.harness.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
import java.util.Arrays;
import java.util.List;

/**
 * A replay's results in each format {@code cachet replay} prints or writes.
 *
 * @param terms how the runs were billed besides the model, as the report's head says it after the model
 */
record ReplayOutput(ReplaySettings settings, String terms, List<ReplayRun> runs, ReplayReport report) {
    /** The formats --out writes a file of: all but the table. */
    private static final List<ReplayCommand.Format> WRITTEN = Arrays.stream(ReplayCommand.Format.values())
            .filter(format -> format != ReplayCommand.Format.table).toList();

    /** The JSON report: how it was made, then today's fields. */
    private record JsonReport(ReplaySettings settings, @JsonUnwrapped ReplayReport report) {}

    String render(ReplayCommand.Format format) {
        return switch (format) {
            case table -> new ReplayTextReport().render(settings.defaultModel(), terms, runs, report);
            case json -> json() + System.lineSeparator();
            case md -> new ReplayMarkdownReport().render(settings.defaultModel(), terms, runs, report);
            case html -> new ReplayHtmlReport().render(settings.defaultModel(), terms, runs, report);
        };
    }

    /** replay.json, replay.md and replay.html in {@code dir}, each written whole or not at all. */
    void writeAll(Path dir) {
        WRITTEN.forEach(format -> ReportFiles.write(dir.resolve(fileName(format)), render(format)));
    }

    /** The files {@link #writeAll} writes. */
    static List<String> fileNames() {
        return WRITTEN.stream().map(ReplayOutput::fileName).toList();
    }

    private static String fileName(ReplayCommand.Format format) {
        return "replay." + format;
    }

    private String json() {
        try {
            return Json.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(new JsonReport(settings, report));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
