package dev.cachet.tools.files;

import dev.cachet.tools.CachetFiles;
import dev.cachet.tools.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Lists the files of a workspace directory the way git sees them: {@code .gitignore} files at every level and
 * {@code .git/info/exclude} are honoured (parsed by JGit), and {@code .git} and cachet's own {@code .cachet} are
 * skipped. It walks directories held open and never through a link: a link is listed when it leads to something
 * inside the workspace, and is not walked into. What cachet takes from each ignore file is bounded ({@link IgnoreRules}).
 */
public final class FileWalker {
    private static final Set<String> ALWAYS_SKIPPED = Set.of(".git", CachetFiles.STATE);

    private final WorkspaceFiles files;

    public FileWalker(WorkspaceFiles files) {
        this.files = files;
    }

    /** Files a walk found, and what of the ignore files it read was left out ({@link IgnoreRules#leftOut}). */
    public record Listing(List<WorkspacePath> files, List<String> leftOut) {
        /** The line a tool's output ends with to say which ignore rules were left out; empty if none was. */
        public Optional<String> saidLeftOut() {
            return IgnoreRules.said(leftOut);
        }
    }

    /**
     * Files under {@code start}, sorted by path, that match {@code glob}. A glob without a '/' matches file names
     * ({@code *.java}); one with a '/' matches the path from the workspace root. Matching ignore rules ends when
     * {@code limit} passes.
     */
    public Listing files(WorkspacePath start, String glob, TimeLimit limit) throws ToolException {
        PathMatcher matcher = matcher(glob);
        Predicate<WorkspacePath> matches = glob.contains("/")
                ? path -> matcher.matches(Path.of(path.toString()))
                : path -> matcher.matches(Path.of(path.fileName()));
        List<WorkspacePath> found = new ArrayList<>();
        // Only what was left out is kept: the rules of a folder walked are let go with it.
        List<String> leftOut = new ArrayList<>();
        try (Resolver resolver = files.resolver(start); Resolver.Directory top = resolver.directory(start)) {
            Deque<IgnoreLevel> ignores = new ArrayDeque<>();
            ignores.push(new IgnoreLevel(WorkspacePath.ROOT, excludes(resolver, leftOut)));
            List<String> above = top.real().names();
            for (int depth = 0; depth < above.size(); depth++) {
                WorkspacePath folder = new WorkspacePath(above.subList(0, depth));
                try (Resolver.Directory directory = resolver.directory(folder)) {
                    ignores.push(new IgnoreLevel(folder, gitignore(directory.open(), folder, ignores, leftOut)));
                }
            }
            new Walk(resolver, matches, limit, found, leftOut).walk(top.open(), top.real(), start, ignores);
        } catch (NoSuchFileException e) {
            throw new ToolException("not a directory: " + start);
        } catch (IOException e) {
            throw new ToolException("cannot list " + start + ": " + e.getMessage());
        }
        found.sort(Comparator.comparing(WorkspacePath::toString));
        return new Listing(found, leftOut);
    }

    private record Walk(Resolver resolver, Predicate<WorkspacePath> matches, TimeLimit limit,
            List<WorkspacePath> found, List<String> leftOut) {
        // Paths are matched against ignore rules by where they really are, and listed by the path asked for.
        void walk(OpenDirectory directory, WorkspacePath real, WorkspacePath shown, Deque<IgnoreLevel> ignores)
                throws ToolException {
            ignores.push(new IgnoreLevel(real, gitignore(directory, real, ignores, leftOut)));
            for (String name : directory.names()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new ToolException("stopped while listing " + shown);
                }
                Optional<BasicFileAttributes> attributes = stat(directory, name);
                if (attributes.isEmpty()) {
                    continue;
                }
                WorkspacePath childReal = real.resolve(name);
                WorkspacePath childShown = shown.resolve(name);
                if (resolver.hides(childReal)) {
                    continue;
                }
                if (attributes.get().isDirectory()) {
                    if (!ALWAYS_SKIPPED.contains(name) && !ignored(ignores, childReal, true, limit)) {
                        walkInto(directory, name, childReal, childShown, ignores);
                    }
                } else if (!ignored(ignores, childReal, false, limit) && matches.test(childShown)
                        && (!attributes.get().isSymbolicLink() || leadsInside(childReal))) {
                    found.add(childShown);
                }
            }
            ignores.pop();
        }

        // A directory that cannot be opened, or is no longer one, is left out rather than failing the listing.
        private void walkInto(OpenDirectory parent, String name, WorkspacePath real, WorkspacePath shown,
                Deque<IgnoreLevel> ignores) throws ToolException {
            try (OpenDirectory child = parent.directory(name)) {
                walk(child, real, shown, ignores);
            } catch (IOException e) {
                // Left out.
            }
        }

        private boolean leadsInside(WorkspacePath link) throws Resolver.WalkTooLongException {
            try (Resolver.Entry target = resolver.entry(link, false, false)) {
                return target.attributes().isPresent();
            } catch (Resolver.WalkTooLongException e) {
                throw e;
            } catch (IOException | ToolException e) {
                return false;
            }
        }

        private static Optional<BasicFileAttributes> stat(OpenDirectory directory, String name) {
            try {
                return directory.stat(name);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    private static IgnoreRules excludes(Resolver resolver, List<String> leftOut) {
        try (Resolver.Directory info = resolver.directory(new WorkspacePath(List.of(".git", "info")))) {
            return parse(info.open(), "exclude", ".git/info/exclude", List.of(), leftOut);
        } catch (IOException | ToolException e) {
            return IgnoreRules.NONE;
        }
    }

    // The .gitignore of a folder, its rules bounded by those of the ignore files above it.
    private static IgnoreRules gitignore(OpenDirectory directory, WorkspacePath folder, Deque<IgnoreLevel> above,
            List<String> leftOut) {
        return parse(directory, ".gitignore", folder.resolve(".gitignore").toString(),
                above.stream().map(IgnoreLevel::rules).toList(), leftOut);
    }

    // An ignore file that is missing, not a regular file, too large or unreadable ignores nothing.
    private static IgnoreRules parse(OpenDirectory directory, String name, String shown, List<IgnoreRules> above,
            List<String> leftOut) {
        try {
            Optional<BasicFileAttributes> attributes = directory.stat(name);
            if (attributes.isEmpty() || !attributes.get().isRegularFile() || attributes.get().size() > IgnoreRules.MAX_FILE_BYTES) {
                return IgnoreRules.NONE;
            }
            try (SeekableByteChannel channel = directory.channel(name, Set.of(StandardOpenOption.READ));
                    InputStream in = Channels.newInputStream(channel)) {
                IgnoreRules rules = IgnoreRules.parse(shown, in, above);
                rules.leftOut().ifPresent(leftOut::add);
                return rules;
            }
        } catch (IOException e) {
            return IgnoreRules.NONE;
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
    private static boolean ignored(Deque<IgnoreLevel> ignores, WorkspacePath path, boolean directory, TimeLimit limit)
            throws ToolException {
        for (IgnoreLevel level : ignores) {
            String relative = String.join("/", path.names().subList(level.folder().names().size(), path.names().size()));
            Optional<Boolean> verdict = level.rules().verdict(relative, directory, limit);
            if (verdict.isPresent()) {
                return verdict.get();
            }
        }
        return false;
    }

    private record IgnoreLevel(WorkspacePath folder, IgnoreRules rules) {}
}
