package dev.cachet.harness.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
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
    private final AtomicBoolean shuttingDown;

    private ScratchDir(Path path, Thread onShutdown, AtomicBoolean shuttingDown) {
        this.path = path;
        this.onShutdown = onShutdown;
        this.shuttingDown = shuttingDown;
    }

    public static ScratchDir create(String prefix) throws IOException {
        // The hook comes first, so that no signal falls between the directory and its hook.
        AtomicReference<Path> made = new AtomicReference<>();
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Thread onShutdown = new Thread(() -> {
            shuttingDown.set(true);
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
        return new ScratchDir(made.get(), onShutdown, shuttingDown);
    }

    /**
     * Runs {@code work} in the directory; a failure that came of the JVM deleting it as it shuts down (Ctrl-C) is no
     * failure to report: this thread waits for the exit instead.
     */
    public <T> T using(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            while (shuttingDown.get()) {
                LockSupport.park(this);
            }
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException alreadyShuttingDown) {
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
