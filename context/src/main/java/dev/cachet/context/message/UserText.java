package dev.cachet.context.message;

import java.util.Objects;

/** Text from the user, such as the task. */
public record UserText(String text) implements Message {
    public UserText {
        Objects.requireNonNull(text, "text");
    }
}
