package dev.cachet.context.state;

import java.util.Locale;

/** How the agent touched a file, weakest first. */
public enum FileTouch {
    READ,
    EDITED,
    WRITTEN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
