package dev.cachet.context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text shipped in cachet's jar, such as its prompts: missing or unreadable, the build itself is broken. */
public final class BundledText {
    private BundledText() {}

    /** The UTF-8 text of the resource at the absolute path {@code name}. */
    public static String read(String name) {
        try (InputStream in = BundledText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
