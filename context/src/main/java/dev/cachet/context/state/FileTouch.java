package dev.cachet.context.state;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a tool touched a file, weakest first; the task state records it as the file's "why" until the model says more. */
public enum FileTouch {
    READ,
    EDITED,
    WRITTEN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<FileTouch> parse(String label) {
        return Arrays.stream(values()).filter(t -> t.label().equals(label)).findFirst();
    }
}
