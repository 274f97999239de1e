package dev.cachet.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Lists the files of a workspace directory the way git sees them: {@code .gitignore} files at every level and
 * {@code .git/info/exclude} are honoured (parsed by JGit), and {@code .git} and cachet's own {@code .cachet} are
 * skipped. Symbolic links are not followed, and a link that leads outside the workspace is left out.
 */
public final class FileWalker {
    private static final Set<String> ALWAYS_SKIPPED = Set.of(".git", ".cachet");

    private final Workspace workspace;

    public FileWalker(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Files under {@code start}, sorted by their workspace-relative path, that match {@code glob}. A glob without a
     * '/' matches file names ({@code *.java}); one with a '/' matches the path from the workspace root.
     */
    public List<Path> files(Path start, String glob) throws ToolException {
        PathMatcher matcher = matcher(glob);
        boolean byName = !glob.contains("/");
        List<Path> files = new ArrayList<>();
        Deque<IgnoreLevel> ignores = new ArrayDeque<>();
        ignores.push(new IgnoreLevel(workspace.root(), parse(workspace.root().resolve(".git/info/exclude"))));
        for (Path dir = workspace.root(); !dir.equals(start); dir = dir.resolve(start.getName(dir.getNameCount()))) {
            ignores.push(new IgnoreLevel(dir, parse(dir.resolve(".gitignore"))));
        }
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(start) && (ALWAYS_SKIPPED.contains(dir.getFileName().toString()) || ignored(ignores, dir, true))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    ignores.push(new IgnoreLevel(dir, parse(dir.resolve(".gitignore"))));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Path relative = workspace.root().relativize(file);
                    if (!ignored(ignores, file, false) && matcher.matches(byName ? file.getFileName() : relative)
                            && (!attrs.isSymbolicLink() || staysInside(file))) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                // An unreadable directory or file is left out rather than failing the whole listing.
                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    ignores.pop();
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new ToolException("cannot list " + workspace.relative(start) + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new ToolException("cannot read an ignore file: " + e.getCause().getMessage());
        }
        files.sort(null);
        return files;
    }

    private boolean staysInside(Path link) {
        try {
            return link.toRealPath().startsWith(workspace.root());
        } catch (IOException e) {
            return false;
        }
    }

    /** Java globs need at least one directory for {@code **}{@code /}; git's match zero too, and so do these. */
    private static PathMatcher matcher(String glob) throws ToolException {
        try {
            PathMatcher asWritten = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (!glob.contains("**/")) {
                return asWritten;
            }
            PathMatcher zeroDirs = FileSystems.getDefault().getPathMatcher("glob:" + glob.replace("**/", ""));
            return path -> asWritten.matches(path) || zeroDirs.matches(path);
        } catch (IllegalArgumentException e) {
            throw new ToolException("invalid glob '" + glob + "': " + e.getMessage());
        }
    }

    // Git semantics: the deepest .gitignore with an opinion on the path decides.
    private static boolean ignored(Deque<IgnoreLevel> ignores, Path path, boolean directory) {
        for (IgnoreLevel level : ignores) {
            String relative = level.dir().relativize(path).toString().replace('\\', '/');
            Boolean verdict = level.node().checkIgnored(relative, directory);
            if (verdict != null) {
                return verdict;
            }
        }
        return false;
    }

    private static IgnoreNode parse(Path ignoreFile) {
        IgnoreNode node = new IgnoreNode();
        if (Files.isRegularFile(ignoreFile)) {
            try (InputStream in = Files.newInputStream(ignoreFile)) {
                node.parse(ignoreFile.toString(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return node;
    }

    private record IgnoreLevel(Path dir, IgnoreNode node) {}
}
