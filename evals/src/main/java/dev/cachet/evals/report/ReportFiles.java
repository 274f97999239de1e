package dev.cachet.evals.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Report files, each written whole or not at all. */
public final class ReportFiles {
    private ReportFiles() {}

    // Through a temporary file and a rename, so an interrupted run never leaves half a report over a good one.
    public static void write(Path file, String content) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.getParent());
            // Encoded as stdout is, a lone surrogate (a log's JSON can hold one in a name) as ?: Files.writeString
            // refuses the whole report over one.
            Files.write(partial, content.getBytes(StandardCharsets.UTF_8));
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException left) {
                e.addSuppressed(left);
            }
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
