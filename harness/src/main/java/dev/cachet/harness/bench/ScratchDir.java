package dev.cachet.harness.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A temporary directory for a benchmark's made-up files, deleted with everything in it when closed, or when the JVM
 * shuts down first (Ctrl-C, SIGTERM): a benchmark writes gigabytes there.
 */
public final class ScratchDir implements AutoCloseable {
    /** Walks again while a thread still writing adds files, up to this many times. */
    private static final int WALKS = 5;

    private final Path path;
    private final Thread onShutdown;

    private ScratchDir(Path path, Thread onShutdown) {
        this.path = path;
        this.onShutdown = onShutdown;
    }

    public static ScratchDir create(String prefix) throws IOException {
        // The hook comes first, so that no signal falls between the directory and its hook.
        AtomicReference<Path> made = new AtomicReference<>();
        Thread onShutdown = new Thread(() -> {
            if (made.get() != null) {
                delete(made.get());
            }
        }, "cachet-scratch-cleanup");
        Runtime.getRuntime().addShutdownHook(onShutdown);
        try {
            made.set(Files.createTempDirectory(prefix));
        } catch (IOException | RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
            throw e;
        }
        return new ScratchDir(made.get(), onShutdown);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            // The hook deletes it.
            return;
        }
        delete(path);
    }

    private static void delete(Path dir) {
        for (int walk = 0; walk < WALKS && Files.exists(dir); walk++) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (NoSuchFileException | DirectoryNotEmptyException racing) {
                // A writer added or removed a file under the walk: walk again.
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + dir, e);
            }
        }
    }
}
