package dev.cachet.evals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** A coding task: what to ask the agent, and the shell command that decides whether it was solved (exit 0). */
public record Task(String id, String prompt, String check) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(check, "check");
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
