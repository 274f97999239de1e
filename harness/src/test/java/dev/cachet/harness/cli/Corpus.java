package dev.cachet.harness.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared corpus of public trajectories ($CACHET_CORPUS, or ../shared/corpus from the project root), as the evals
 * tests' helper of the same name finds it. Tests that read it are skipped where it is absent.
 */
final class Corpus {
    private Corpus() {}

    static Path root() {
        String configured = System.getenv("CACHET_CORPUS");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // Tests run in the module directory, one level below the project root.
        return Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/corpus");
    }

    /** The corpus directory, skipping the calling test when it is not on this machine. */
    static Path dir() {
        Path root = root();
        assumeTrue(Files.isDirectory(root), "corpus not present: " + root);
        return root;
    }

    /** A file of the corpus, skipping the calling test when it is not on this machine. */
    static Path file(String relative) {
        Path file = root().resolve(relative);
        assumeTrue(Files.isRegularFile(file), "corpus file not present: " + file);
        return file;
    }
}
