package dev.cachet.context.message;

import java.util.Objects;

/** The system prompt. */
public record SystemText(String text) implements Message {
    public SystemText {
        Objects.requireNonNull(text, "text");
    }
}
