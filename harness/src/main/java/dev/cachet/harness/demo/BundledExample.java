package dev.cachet.harness.demo;

import dev.cachet.evals.Task;
import dev.cachet.providers.replay.RecordedSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * An example shipped inside the cachet jar under {@code /examples/<name>/}: a small repository with a real bug, the
 * task that asks to fix it (with its check command), and a recorded model session that solves it.
 */
public final class BundledExample {
    private static final PersonIdent AUTHOR = new PersonIdent("cachet demo", "demo@cachet.invalid");

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
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open("session.jsonl"), StandardCharsets.UTF_8))) {
            return RecordedSession.read(reader, base + "session.jsonl");
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
                    copyTree(jar.provider().getPath(uri), target);
                }
            } else {
                copyTree(Path.of(uri), target);
            }
            try (Git git = Git.init().setDirectory(target.toFile()).setInitialBranch("main").call()) {
                git.add().addFilepattern(".").call();
                git.commit().setMessage("example repository").setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the example repository to " + target, e);
        } catch (URISyntaxException | GitAPIException e) {
            throw new IllegalStateException("cannot set up the example repository in " + target, e);
        }
    }

    private InputStream open(String name) {
        InputStream in = BundledExample.class.getResourceAsStream(base + name);
        if (in == null) {
            throw new IllegalStateException("the cachet jar has no " + base + name);
        }
        return in;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            Path destination = target.resolve(source.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(destination);
            } else {
                Files.copy(path, destination);
            }
        }
    }
}
