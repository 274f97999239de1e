package dev.cachet.harness.demo;

import dev.cachet.evals.Task;
import dev.cachet.evals.suite.PlainDirectory;
import dev.cachet.providers.replay.RecordedSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * An example shipped inside the cachet jar under {@code /examples/<name>/}: a small repository with a real bug, the
 * task that asks to fix it (with its check command), and a recorded model session that solves it.
 */
public final class BundledExample {
    private final String base;

    public BundledExample(String name) {
        this.base = "/examples/" + name + "/";
    }

    public Task task() {
        try (InputStream in = open("task.yaml")) {
            return Task.read(in, base + "task.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + base + "task.yaml", e);
        }
    }

    public RecordedSession recording() {
        try (InputStream in = open("session.jsonl")) {
            // The bundled recording is whole; a warning about it would be a build fault, so it fails instead.
            return RecordedSession.read(in, base + "session.jsonl", warning -> {
                throw new IllegalStateException(warning);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + base + "session.jsonl", e);
        }
    }

    /** Copies the example repository into {@code target} and commits it there, so git tools see a clean tree. */
    public void checkOut(Path target) {
        try {
            URI uri = BundledExample.class.getResource(base + "repo").toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    PlainDirectory.copyAndCommit(jar.provider().getPath(uri), target);
                }
            } else {
                PlainDirectory.copyAndCommit(Path.of(uri), target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the example repository in the cachet jar", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot find the example repository in the cachet jar", e);
        }
    }

    private InputStream open(String name) {
        InputStream in = BundledExample.class.getResourceAsStream(base + name);
        if (in == null) {
            throw new IllegalStateException("the cachet jar has no " + base + name);
        }
        return in;
    }
}
