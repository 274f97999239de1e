package dev.cachet.providers.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's side of a recorded session: its assistant turns in order. The file is a cachet session log (JSONL);
 * only {@code model_response} events are read, so a hand-written file may hold just those.
 */
public record RecordedSession(String source, List<AssistantTurn> turns) {
    static final String MODEL_RESPONSE = "model_response";

    public RecordedSession {
        turns = List.copyOf(turns);
    }

    public static RecordedSession read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new RecordingException("recorded session not found: " + file);
        } catch (IOException e) {
            throw new RecordingException("cannot read recorded session " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a recording from any source; {@code source} names it in errors. */
    public static RecordedSession read(BufferedReader reader, String source) throws IOException {
        List<AssistantTurn> turns = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                parseLine(source + ":" + lineNumber, line, turns);
            }
        }
        if (turns.isEmpty()) {
            throw new RecordingException(source + ": no \"" + MODEL_RESPONSE + "\" events; expected a cachet session log");
        }
        return new RecordedSession(source, turns);
    }

    private static void parseLine(String where, String line, List<AssistantTurn> turns) {
        JsonNode event;
        try {
            event = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new RecordingException(where + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (!event.isObject() || !event.path("type").isTextual()) {
            throw new RecordingException(where + ": expected a JSON object with a \"type\" field");
        }
        if (!MODEL_RESPONSE.equals(event.get("type").asText())) {
            return;
        }
        try {
            Message message = Json.mapper().treeToValue(event.path("message"), Message.class);
            if (!(message instanceof AssistantTurn turn)) {
                throw new RecordingException(where + ": \"message\" of a model_response must have role \"assistant\"");
            }
            turns.add(turn);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RecordingException(where + ": malformed \"message\": " + e.getMessage());
        }
    }
}
