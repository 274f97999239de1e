package dev.cachet.tools.files;

import dev.cachet.tools.CachetFiles;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.sandbox.HiddenFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds workspace paths from the open root, one name at a time, following no link on the way: a link's text is read
 * and looked up again from the root, so a link is followed only as far as it stays inside. What it finds, it hands
 * back held open, so that the file a caller then opens is in the directory that was checked, whatever the path has
 * become meanwhile; the caller closes it.
 */
final class Resolver implements Closeable {
    private static final int MAX_LINKS = 40;
    // Names looked up in one resolution. A '..' walks its folder's path again from the root, so links that go down a
    // deep folder and back up cost its depth squared each; this bound keeps a path to a fraction of a second.
    private static final int MAX_STEPS = 10_000;
    // Names looked up in all the resolutions of one walk (a listing follows each link it meets): a few seconds.
    private static final int MAX_WALKED = 200_000;

    private final Path rootPath;
    private final OpenDirectory root;
    private final String shown;
    private final HiddenFiles hidden;
    private int links;
    private int steps;
    private int walked;

    private Resolver(Path rootPath, OpenDirectory root, String shown, HiddenFiles hidden) {
        this.rootPath = rootPath;
        this.root = root;
        this.shown = shown;
        this.hidden = hidden;
    }

    /**
     * @param shown the path as the model wrote it, for messages
     * @param hidden what the sandbox hides from commands: a path that is, or leads to, one of these is refused
     */
    static Resolver open(Path rootPath, String shown, HiddenFiles hidden) throws IOException {
        return new Resolver(rootPath, OpenDirectory.open(rootPath), shown, hidden);
    }

    /** Whether {@code real}, a path from the root with no link in it, is hidden from the agent. */
    boolean hides(WorkspacePath real) {
        return hidden.hides(rootPath.resolve(String.join("/", real.names())));
    }

    /** The directory at {@code path}. @throws NoSuchFileException if it is missing or not a directory */
    Directory directory(WorkspacePath path) throws IOException, ToolException {
        links = 0;
        steps = 0;
        return visible(walk(new ArrayDeque<>(path.names()), false, false));
    }

    /**
     * The entry at {@code path}, a link at its end followed too, and its attributes (empty if there is no such entry).
     * For writing, refuses cachet's own files and, if asked to, creates missing parent directories.
     * @throws NoSuchFileException if a parent is missing (and not created) or is not a directory
     */
    Entry entry(WorkspacePath path, boolean forWriting, boolean createParents) throws IOException, ToolException {
        links = 0;
        steps = 0;
        Deque<String> pending = new ArrayDeque<>(path.names());
        while (true) {
            String last = pending.isEmpty() ? "." : pending.peekLast();
            if (last.equals(".") || last.equals("..")) {
                // Ends in a directory that a link's text names by dots: that directory, as an entry of its parent.
                try (Directory directory = walk(pending, false, forWriting)) {
                    if (directory.real().isRoot()) {
                        return new Entry(new Directory(root, WorkspacePath.ROOT), WorkspacePath.ROOT,
                                Optional.of(root.attributes()));
                    }
                    pending = new ArrayDeque<>(directory.real().names());
                    continue;
                }
            }
            pending.removeLast();
            Directory parent = walk(pending, createParents, forWriting);
            try {
                WorkspacePath real = parent.real().resolve(last);
                refuseCachetFiles(real, forWriting);
                refuseHidden(real);
                Optional<BasicFileAttributes> attributes = parent.open().stat(last);
                if (attributes.isEmpty() || !attributes.get().isSymbolicLink()) {
                    return new Entry(parent, real, attributes);
                }
                pending = linkTarget(parent.real(), last);
            } catch (IOException | ToolException | RuntimeException e) {
                parent.close();
                throw e;
            }
            parent.close();
        }
    }

    @Override
    public void close() throws IOException {
        root.close();
    }

    // Walks the names from the root, directory by directory: "." stays, ".." goes back up the real path, a link
    // starts over from the root with its target in its place.
    private Directory walk(Deque<String> names, boolean create, boolean forWriting) throws IOException, ToolException {
        Deque<String> pending = new ArrayDeque<>(names);
        Directory directory = new Directory(root, WorkspacePath.ROOT);
        try {
            while (!pending.isEmpty()) {
                if (++steps > MAX_STEPS) {
                    throw new ToolException(String.format(Locale.ROOT, "path '%s' takes more than %,d steps to follow "
                            + "through its links and '..'", shown, MAX_STEPS));
                }
                if (++walked > MAX_WALKED) {
                    throw new WalkTooLongException(String.format(Locale.ROOT, "'%s' took more than %,d steps to "
                            + "follow through links and '..' in all; name a folder with fewer links", shown, MAX_WALKED));
                }
                String name = pending.pop();
                if (name.equals(".")) {
                    continue;
                }
                if (name.equals("..")) {
                    if (directory.real().isRoot()) {
                        throw leadsOutside();
                    }
                    Deque<String> back = new ArrayDeque<>(directory.real().parent().names());
                    back.addAll(pending);
                    pending = back;
                    directory = restart(directory);
                    continue;
                }
                WorkspacePath real = directory.real().resolve(name);
                refuseCachetFiles(real, forWriting);
                Optional<BasicFileAttributes> attributes = directory.open().stat(name);
                if (attributes.isEmpty() && create) {
                    makeDirectory(directory.open(), name);
                    attributes = directory.open().stat(name);
                }
                if (attributes.isEmpty() || !attributes.get().isSymbolicLink() && !attributes.get().isDirectory()) {
                    throw new NoSuchFileException(shown);
                }
                if (attributes.get().isSymbolicLink()) {
                    Deque<String> target = linkTarget(directory.real(), name);
                    target.addAll(pending);
                    pending = target;
                    directory = restart(directory);
                    continue;
                }
                Directory child = new Directory(directory.open().directory(name), real);
                directory.close();
                directory = child;
            }
            return directory;
        } catch (IOException | ToolException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private Directory restart(Directory from) throws IOException {
        from.close();
        return new Directory(root, WorkspacePath.ROOT);
    }

    // The link's text, as names from the root: relative to the folder it is in, or absolute inside the root.
    private Deque<String> linkTarget(WorkspacePath folder, String name) throws IOException, ToolException {
        if (++links > MAX_LINKS) {
            throw new ToolException("path '" + shown + "' goes through too many symbolic links");
        }
        // Read by path: whatever it reads, the walk that follows starts over from the root and refuses to leave it.
        Path target = Files.readSymbolicLink(rootPath.resolve(String.join("/", folder.names())).resolve(name));
        Deque<String> names = new ArrayDeque<>();
        if (target.isAbsolute()) {
            if (!target.startsWith(rootPath)) {
                throw leadsOutside();
            }
            target = rootPath.relativize(target);
        } else {
            names.addAll(folder.names());
        }
        target.forEach(part -> names.add(part.toString()));
        return names;
    }

    // No mkdirat in the JDK: a new folder is made at the root, by a path that no link can redirect, and moved into
    // place by renameat. Someone else's folder of that name, made meanwhile, is used instead.
    private void makeDirectory(OpenDirectory parent, String name) throws IOException {
        String temporary = ".cachet-new-" + UUID.randomUUID();
        Files.createDirectory(rootPath.resolve(temporary));
        try {
            root.move(temporary, parent, name);
        } catch (IOException e) {
            Files.deleteIfExists(rootPath.resolve(temporary));
            if (parent.stat(name).filter(BasicFileAttributes::isDirectory).isEmpty()) {
                throw e;
            }
        }
    }

    private Directory visible(Directory directory) throws IOException, ToolException {
        try {
            refuseHidden(directory.real());
            return directory;
        } catch (ToolException e) {
            directory.close();
            throw e;
        }
    }

    private void refuseHidden(WorkspacePath real) throws ToolException {
        if (hides(real)) {
            throw new ToolException("path '" + shown + "' is hidden from the agent (a credential store or --deny-read)");
        }
    }

    private void refuseCachetFiles(WorkspacePath real, boolean forWriting) throws ToolException {
        if (forWriting && CachetFiles.contains(real)) {
            throw new ToolException("path '" + shown + "' is " + real + ", part of cachet's own config and state, "
                    + "which the agent cannot change");
        }
    }

    private ToolException leadsOutside() {
        return new ToolException("path '" + shown + "' leads outside the workspace through a symbolic link");
    }

    /** One walk followed links too far in all: the walk ends, where one link that leads nowhere is passed over. */
    static final class WalkTooLongException extends ToolException {
        WalkTooLongException(String message) {
            super(message);
        }
    }

    /** A directory held open, and its path from the root with no links in it. Closing it leaves the root open. */
    record Directory(OpenDirectory open, WorkspacePath real) implements Closeable {
        @Override
        public void close() throws IOException {
            if (!real.isRoot()) {
                open.close();
            }
        }
    }

    /**
     * An entry of a directory held open (the root stands for itself), its path with no links in it, and its
     * attributes, not following a link; empty if there is no such entry yet.
     */
    record Entry(Directory parent, WorkspacePath real, Optional<BasicFileAttributes> attributes) implements Closeable {
        String name() {
            return real.fileName();
        }

        OpenDirectory directory() {
            return parent.open();
        }

        @Override
        public void close() throws IOException {
            parent.close();
        }
    }
}
