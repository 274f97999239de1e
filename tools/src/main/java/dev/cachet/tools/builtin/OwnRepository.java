package dev.cachet.tools.builtin;

import dev.cachet.tools.ToolException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The workspace's own repository, as the git tools read it: a {@code .git} directory in the workspace that points
 * nowhere else. The model can write everything that would send JGit elsewhere (a {@code .git} file's
 * {@code gitdir:}, a link, {@code commondir}, alternates, a config's includes), and JGit reads as cachet, where the
 * sandbox hides nothing: another repository's files, or a credential store read as config.
 */
final class OwnRepository {
    private static final List<String> ELSEWHERE = List.of("commondir", "objects/info/alternates");
    /** A section [include] or [includeIf ...] anywhere, whatever comes before it on its line (a byte order mark). */
    private static final Pattern INCLUDE = Pattern.compile("(?i)\\[\\s*include(if)?\\b");
    /** More than any repository's own config; a larger one is refused rather than searched. */
    private static final long MAX_CONFIG_BYTES = 1 << 20;

    private OwnRepository() {}

    /** The workspace's .git directory. @throws ToolException saying why the tools do not read it */
    static Path check(Path root) throws ToolException {
        Path gitDir = root.resolve(".git");
        if (!Files.exists(gitDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolException("the workspace is not a git repository");
        }
        if (!Files.isDirectory(gitDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolException("the workspace's .git is a file or a link (a linked worktree's, a submodule's), not"
                    + " a directory of its own: the git tools read only a repository that lies in the workspace");
        }
        entriesOwnAndPlain(gitDir);
        for (String name : ELSEWHERE) {
            if (Files.exists(gitDir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                throw new ToolException(".git/" + name + " points the repository elsewhere, which the git tools do not"
                        + " read");
            }
        }
        Path config = gitDir.resolve("config");
        if (!Files.isRegularFile(config)) {
            return gitDir;
        }
        try {
            if (Files.size(config) > MAX_CONFIG_BYTES) {
                throw new ToolException(".git/config is larger than a repository's config is (over 1 MiB)");
            }
            if (INCLUDE.matcher(Files.readString(config, StandardCharsets.ISO_8859_1)).find()) {
                throw new ToolException(".git/config includes other files ([include] or [includeIf]), which the git"
                        + " tools do not read");
            }
        } catch (IOException e) {
            throw new ToolException("cannot read .git/config: " + e.getMessage());
        }
        return gitDir;
    }

    /**
     * Every entry under .git is a plain file or a folder: a link anywhere in it (a pack, a loose object, the objects
     * folder) could hand JGit another repository's objects, and a named pipe would block it for ever. Hooks aside:
     * none runs (CommandlessFs), none is read, and a linked hook is common.
     */
    private static void entriesOwnAndPlain(Path gitDir) throws ToolException {
        Path hooks = gitDir.resolve("hooks");
        try (Stream<Path> entries = Files.walk(gitDir)) {
            for (Path entry : (Iterable<Path>) entries.filter(path -> !path.startsWith(hooks))::iterator) {
                plain(gitDir, entry);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ToolException("cannot list .git: " + e.getMessage());
        }
    }

    private static void plain(Path gitDir, Path entry) throws ToolException {
        if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolException(".git/" + gitDir.relativize(entry) + " is a link or a special file, which the git"
                    + " tools do not read");
        }
    }
}
