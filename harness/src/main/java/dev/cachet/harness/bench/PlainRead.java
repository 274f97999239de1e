package dev.cachet.harness.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every token of every file through Jackson's streaming parser and nothing else, on one thread: the floor the
 * benchmarks of reading logs are measured against.
 */
public final class PlainRead {
    private PlainRead() {}

    public static Timed of(List<Path> files) {
        return Timed.onThisThread(() -> read(files));
    }

    private static void read(List<Path> files) {
        JsonFactory factory = new JsonFactory();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file); JsonParser parser = factory.createParser(in)) {
                while (parser.nextToken() != null) {
                    // Only the parse is measured.
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
