package dev.cachet.evals.trace;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared corpus of public trajectories (../shared/corpus from the project root, or $CACHET_CORPUS). Tests that
 * read it are skipped where it is absent; CI has it.
 */
public final class Corpus {
    private Corpus() {}

    public static Path root() {
        String configured = System.getenv("CACHET_CORPUS");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // Tests run in the module directory, one level below the project root.
        return Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/corpus");
    }

    /** A file of the corpus, skipping the calling test when the corpus is not on this machine. */
    public static Path file(String relative) {
        Path file = root().resolve(relative);
        assumeTrue(Files.isRegularFile(file), "corpus file not present: " + file);
        return file;
    }
}
