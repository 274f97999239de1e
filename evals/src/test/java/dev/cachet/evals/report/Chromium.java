package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Headless Chromium on a page, with a fresh profile and nothing that calls home; tests skip where it is missing. */
final class Chromium {
    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Path dir;

    /** @param dir scratch space for the profile and the output */
    private Chromium(Path dir) {
        this.dir = dir;
    }

    /** Skips the calling test unless Chromium is installed. */
    static Chromium required(Path dir) {
        assumeTrue(Files.isExecutable(EXECUTABLE), "needs Chromium at " + EXECUTABLE);
        return new Chromium(dir);
    }

    /** Runs Chromium on {@code page} with these options; returns its stdout. */
    String run(Path page, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(List.of(options));
        command.add(page.toUri().toString());
        // Files rather than pipes: a full pipe would block Chromium, and nothing here reads it while it runs.
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 90 s: " + Files.readString(err));
        }
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
