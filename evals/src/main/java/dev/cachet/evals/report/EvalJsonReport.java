package dev.cachet.evals.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cachet.context.Json;
import dev.cachet.evals.matrix.EvalSummary;
import dev.cachet.evals.matrix.RunRecord;
import java.io.UncheckedIOException;
import java.util.List;

/** An eval for machines: the suite, the summary and every run, with the field names of results.jsonl. */
public final class EvalJsonReport implements EvalRenderer {

    private record Document(String suite, EvalSummary summary, List<RunRecord> runs) {}

    @Override
    public String render(String suite, List<RunRecord> records, EvalSummary summary) {
        try {
            return Json.mapper().writer(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(new Document(suite, summary, records)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
