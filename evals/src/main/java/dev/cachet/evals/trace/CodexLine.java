package dev.cachet.evals.trace;

import static dev.cachet.evals.trace.JsonScalars.scalar;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.cachet.context.Json;
import java.io.IOException;

/**
 * The fields of one Codex rollout line that {@link CodexSummaryReader} needs, read with Jackson's streaming parser and
 * skipping everything else (instructions, messages' text, tool arguments' content). Text fields hold what
 * {@link JsonScalars#scalar} gives; a shape the importer would read otherwise or refuse is left for the reader to
 * give up on.
 */
final class CodexLine implements JsonLineFields.Field {
    /** Reads a value within the line as the importer's mapper reads the whole line: the same nodes. */
    private static final ObjectReader SUBTREE = Json.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    String type;
    private int timestampAt = LaterText.ABSENT;
    boolean payloadObject;
    String payloadType;
    String role;
    /** message.content is there and not null. */
    boolean content;
    String callId;
    String name;
    String arguments;
    String input;
    /** A tool output's text, where it is a string (found but not read where it is not sized); null otherwise. */
    ResultText output;
    /** web_search_call.action is there and not null. */
    boolean action;
    /** turn_context.model where it is a string ({@code textValue()}), else null. */
    String model;
    /** session_meta: a sub-agent's ({@code source.subagent} is an object) or a fork's ({@code forked_from_id}). */
    boolean inherited;
    /** session_meta.id, the thread's id, where it is a string. */
    String id;
    /** token_count.info: absent, null, an object, or anything else. */
    boolean infoMissing = true;
    boolean infoObject;
    JsonNode total;
    boolean lastObject;
    boolean lastOther;
    /** last_token_usage: input, cached input, output, reasoning output. */
    final TokenCounts tokens = new TokenCounts(4);
    boolean inputMissing = true;
    boolean outputMissing = true;

    /** The line's bytes, which its tool output's text points into. */
    private final byte[] bytes;
    /** Whether a tool output is read to be sized, or only found. */
    private final boolean results;

    private CodexLine(byte[] bytes, boolean results) {
        this.bytes = bytes;
        this.results = results;
    }

    /** @param results whether tool outputs are read to be sized; else only found */
    static CodexLine parse(byte[] bytes, int length, boolean results) throws IOException {
        return JsonLineFields.read(bytes, length, new CodexLine(bytes, results));
    }

    /** One top-level field; the line reads itself, as a lambda for each of a log's lines would be garbage. */
    @Override
    public void read(String field, JsonParser p, JsonToken t) throws IOException {
        switch (field) {
            case "type" -> type = scalar(p, t);
            case "timestamp" -> timestampAt = LaterText.at(p, t);
            case "payload" -> {
                payloadObject = t == JsonToken.START_OBJECT;
                if (payloadObject) {
                    payload(p);
                } else {
                    p.skipChildren();
                }
            }
            default -> p.skipChildren();
        }
    }

    /** Read only for the lines that make a call. */
    String timestamp() {
        return LaterText.read(bytes, timestampAt);
    }

    private void payload(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "type" -> payloadType = scalar(p, t);
                case "role" -> role = scalar(p, t);
                case "content" -> content = present(p, t);
                case "call_id" -> callId = scalar(p, t);
                case "name" -> name = scalar(p, t);
                case "arguments" -> arguments = scalar(p, t);
                case "input" -> input = scalar(p, t);
                case "output" -> output = t != JsonToken.VALUE_STRING ? JsonScalars.skip(p)
                        : results ? JsonString.result(p, bytes) : JsonString.at(p, bytes);
                case "action" -> action = present(p, t);
                case "model" -> model = t == JsonToken.VALUE_STRING ? p.getText() : JsonScalars.skip(p);
                // Read where the line may be the session's meta: not on every response item that has an id.
                case "id" -> id = t == JsonToken.VALUE_STRING && (type == null || type.equals("session_meta"))
                        ? p.getText() : JsonScalars.skip(p);
                case "forked_from_id" -> {
                    inherited |= t == JsonToken.VALUE_STRING;
                    p.skipChildren();
                }
                case "source" -> {
                    if (t == JsonToken.START_OBJECT) {
                        inherited |= subagent(p);
                    } else {
                        p.skipChildren();
                    }
                }
                case "info" -> info(p, t);
                default -> p.skipChildren();
            }
        }
    }

    /** Whether a source object names a sub-agent (its {@code subagent} is an object); reads the source whole. */
    private static boolean subagent(JsonParser p) throws IOException {
        boolean subagent = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean named = p.currentName().equals("subagent");
            subagent |= p.nextToken() == JsonToken.START_OBJECT && named;
            p.skipChildren();
        }
        return subagent;
    }

    private void info(JsonParser p, JsonToken t) throws IOException {
        infoMissing = t == JsonToken.VALUE_NULL;
        infoObject = t == JsonToken.START_OBJECT;
        if (!infoObject) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("total_token_usage")) {
                // Compared whole with the last report, as the importer compares its nodes.
                total = v == JsonToken.VALUE_NULL ? null : SUBTREE.readTree(p);
            } else if (field.equals("last_token_usage")) {
                lastObject = v == JsonToken.START_OBJECT;
                lastOther = !lastObject && v != JsonToken.VALUE_NULL;
                if (lastObject) {
                    last(p);
                } else {
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private void last(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "input_tokens" -> {
                    inputMissing = t == JsonToken.VALUE_NULL;
                    tokens.read(0, p, t);
                }
                case "cached_input_tokens" -> tokens.read(1, p, t);
                case "output_tokens" -> {
                    outputMissing = t == JsonToken.VALUE_NULL;
                    tokens.read(2, p, t);
                }
                case "reasoning_output_tokens" -> tokens.read(3, p, t);
                default -> p.skipChildren();
            }
        }
    }

    private static boolean present(JsonParser p, JsonToken t) throws IOException {
        p.skipChildren();
        return t != JsonToken.VALUE_NULL;
    }
}
