package dev.cachet.evals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** A coding task: what to ask the agent, and the shell command that decides whether it was solved (exit 0). */
public record Task(String id, String prompt, String check) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Task {
        requireText(id, "id");
        requireText(prompt, "prompt");
        // A blank check would be `sh -c ""`, which passes whatever the agent did.
        requireText(check, "check");
    }

    private static void requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    /** Reads one task from YAML; {@code source} names it in errors. */
    public static Task read(InputStream yaml, String source) {
        try {
            Task task = YAML.readValue(yaml, Task.class);
            if (task == null) {
                throw new TaskFormatException(source + ": empty task file");
            }
            return task;
        } catch (IOException e) {
            throw new TaskFormatException(source + ": not a valid task (fields id, prompt, check): " + e.getMessage());
        }
    }
}
