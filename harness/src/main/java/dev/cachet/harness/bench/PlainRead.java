package dev.cachet.harness.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every token of every file through Jackson's streaming parser and nothing else, on one thread: the floor the
 * benchmarks of reading logs are measured against.
 */
public final class PlainRead {
    private PlainRead() {}

    /**
     * @throws dev.cachet.harness.InputException when a file cannot be read
     */
    public static Timed of(List<Path> files) {
        return Timed.onThisThread(() -> tokens(files));
    }

    /** The tokens read: what a test can check was read. */
    static long tokens(List<Path> files) {
        JsonFactory factory = new JsonFactory();
        long tokens = 0;
        for (Path file : files) {
            try {
                tokens += tokens(factory, file);
            } catch (IOException e) {
                throw FileFailure.reading(file, e);
            }
        }
        return tokens;
    }

    /**
     * The tokens of one file. A line that is no JSON is left out, as stats and replay leave it out: the parse starts
     * again after the next newline from where it failed (a line cut short may take the next with it, which stats
     * reads; the floor misses a line).
     */
    private static long tokens(JsonFactory factory, Path file) throws IOException {
        long tokens = 0;
        for (long start = 0; start >= 0; ) {
            try (JsonParser parser = factory.createParser(from(file, start))) {
                while (parser.nextToken() != null) {
                    tokens++;
                }
                start = -1;
            } catch (JsonParseException e) {
                long offset = e.getLocation().getByteOffset();
                if (offset < 0) {
                    throw e;
                }
                start = nextLine(file, start + offset);
            }
        }
        return tokens;
    }

    private static InputStream from(Path file, long start) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(start);
            return in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** Where the line after {@code offset}'s begins, or -1 where that line is the last. */
    private static long nextLine(Path file, long offset) throws IOException {
        try (InputStream in = new BufferedInputStream(from(file, offset))) {
            for (long at = offset; ; at++) {
                int b = in.read();
                if (b < 0) {
                    return -1;
                }
                if (b == '\n') {
                    return at + 1;
                }
            }
        }
    }
}
