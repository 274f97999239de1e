package dev.cachet.evals.stats.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.evals.stats.Call;
import dev.cachet.evals.trace.ClaudeCodeFormat;
import dev.cachet.providers.Usage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The billed calls of one Claude Code transcript, read for a statusline: only lines that carry a usage are parsed,
 * and a line that cannot be read is passed over rather than failing the line (the file is being written as it is
 * read). A response logged over several lines (one per content block, {@link ClaudeCodeFormat#responseId}) is one
 * call, with its last line's output count, which grows as the response streams.
 */
public final class TranscriptCalls {
    private TranscriptCalls() {}

    public static List<Call> read(Path transcript) throws IOException {
        Map<String, Call> calls = new LinkedHashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(transcript, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (!line.contains("\"usage\"") || !line.contains("\"assistant\"")) {
                    continue;
                }
                try {
                    JsonNode entry = Json.mapper().readTree(line);
                    JsonNode message = entry.path("message");
                    Call call = call(entry, message);
                    calls.put(ClaudeCodeFormat.responseId(message.path("id").asText("line " + number),
                            entry.path("requestId").asText(""), call.usage().orElseThrow()), call);
                } catch (IOException | RuntimeException e) {
                    // a torn last line, or an entry of another shape: not a call to count
                }
            }
        }
        return List.copyOf(calls.values());
    }

    private static Call call(JsonNode entry, JsonNode message) {
        JsonNode usage = message.path("usage");
        long written = usage.path("cache_creation_input_tokens").asLong();
        Usage billed = new Usage(usage.path("input_tokens").asLong(), written, usage.path("cache_read_input_tokens").asLong(),
                usage.path("output_tokens").asLong(), 0,
                Math.min(written, usage.path("cache_creation").path("ephemeral_1h_input_tokens").asLong()));
        Optional<Instant> at;
        try {
            at = entry.path("timestamp").isTextual() ? Optional.of(Instant.parse(entry.path("timestamp").asText()))
                    : Optional.empty();
        } catch (DateTimeParseException e) {
            at = Optional.empty();
        }
        Optional<String> model = message.path("model").isTextual()
                ? Optional.of(ClaudeCodeFormat.servedAs(message.path("model").asText(), usage.path("speed").textValue(),
                        usage.path("inference_geo").textValue()))
                : Optional.empty();
        return new Call(entry.path("sessionId").asText("session"),
                entry.path("isSidechain").asBoolean(false) ? "sidechain" : "main", model, at, Optional.of(billed));
    }
}
