package dev.cachet.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Keeps cachet's own files out of a workspace's git status, without touching its tracked .gitignore. */
final class GitExclude {
    static final String CACHET_DIR = ".cachet/";

    private GitExclude() {}

    static void ensureCachetExcluded(Path workspace) {
        Path info = workspace.resolve(".git").resolve("info");
        if (!Files.isDirectory(workspace.resolve(".git"))) {
            return;
        }
        Path exclude = info.resolve("exclude");
        try {
            Files.createDirectories(info);
            String current = Files.exists(exclude) ? Files.readString(exclude, StandardCharsets.UTF_8) : "";
            if (current.lines().noneMatch(CACHET_DIR::equals)) {
                String separator = current.isEmpty() || current.endsWith("\n") ? "" : "\n";
                Files.writeString(exclude, separator + CACHET_DIR + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + exclude, e);
        }
    }
}
