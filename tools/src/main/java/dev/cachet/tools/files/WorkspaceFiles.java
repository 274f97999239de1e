package dev.cachet.tools.files;

import dev.cachet.tools.ToolException;
import dev.cachet.tools.sandbox.HiddenFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and writes the workspace's files race-free: a path is looked up once, from the open root and never out
 * through a link (see {@link Resolver}), and the file opened is the entry that was checked, in the directory held
 * open. Only regular files are read or written (a FIFO would block, a device could be anything); a read stops at a
 * size limit; a write replaces the file whole, by a temporary file in the same directory renamed over it, and never
 * touches cachet's own config and state.
 */
public final class WorkspaceFiles {
    private static final int CHUNK = 64 * 1024;

    private final Path root;
    private final HiddenFiles hidden;

    /** @param root the workspace's root, a real path */
    public WorkspaceFiles(Path root) {
        this(root, HiddenFiles.NONE);
    }

    /** @param hidden what the sandbox hides from commands, which these files hide too */
    public WorkspaceFiles(Path root, HiddenFiles hidden) {
        this.root = root;
        this.hidden = hidden;
    }

    public enum Kind { FILE, DIRECTORY, OTHER }

    /** What is at {@code path}, links inside the workspace followed; empty if nothing is. */
    public Optional<Kind> kind(WorkspacePath path) throws ToolException {
        try (Resolver resolver = resolver(path); Resolver.Entry entry = resolver.entry(path, false, false)) {
            return entry.attributes().map(attributes -> attributes.isDirectory()
                    ? Kind.DIRECTORY : attributes.isRegularFile() ? Kind.FILE : Kind.OTHER);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ToolException("cannot read " + path + ": " + e.getMessage());
        }
    }

    /**
     * The bytes of the regular file at {@code path}.
     * @throws FileTooLargeException if it holds more than {@code limit} bytes; nothing is read then
     */
    public byte[] read(WorkspacePath path, long limit) throws ToolException {
        try (Resolver resolver = resolver(path); Resolver.Entry entry = resolver.entry(path, false, false)) {
            regularFile(entry, path);
            try (SeekableByteChannel channel = entry.directory().channel(entry.name(), Set.of(StandardOpenOption.READ))) {
                if (channel.size() > limit) {
                    throw new FileTooLargeException(path, channel.size(), limit);
                }
                return readUpTo(channel, path, limit);
            }
        } catch (NoSuchFileException e) {
            throw new ToolException("file not found: " + path);
        } catch (IOException e) {
            throw new ToolException("cannot read " + path + ": " + e.getMessage());
        }
    }

    /**
     * Where a write of {@code path} lands, links inside the workspace followed: what an approval must name.
     * @throws ToolException if writing {@code path} would change cachet's own config or state
     */
    public WorkspacePath checkWritable(WorkspacePath path) throws ToolException {
        try (Resolver resolver = resolver(path); Resolver.Entry entry = resolver.entry(path, true, false)) {
            return entry.real();
        } catch (NoSuchFileException e) {
            // Parents missing: a write makes them, and checks them as it does.
            return path;
        } catch (IOException e) {
            throw new ToolException("cannot write " + path + ": " + e.getMessage());
        }
    }

    /** Replaces the regular file at {@code path}, or creates it and its missing parents, with {@code content}. */
    public void write(WorkspacePath path, byte[] content) throws ToolException {
        try (Resolver resolver = resolver(path); Resolver.Entry entry = resolver.entry(path, true, true)) {
            if (entry.attributes().isPresent()) {
                regularFile(entry, path);
            }
            Optional<Set<PosixFilePermission>> permissions = entry.attributes().isPresent()
                    ? Optional.of(entry.directory().posix(entry.name()).readAttributes().permissions())
                    : Optional.empty();
            replace(entry.directory(), entry.name(), content, permissions);
        } catch (NoSuchFileException e) {
            throw new ToolException("cannot write " + path + ": a parent is not a directory");
        } catch (IOException e) {
            throw new ToolException("cannot write " + path + ": " + e.getMessage());
        }
    }

    /** Removes the regular file at {@code path}; where there is none, does nothing. */
    public void delete(WorkspacePath path) throws ToolException {
        try (Resolver resolver = resolver(path); Resolver.Entry entry = resolver.entry(path, true, false)) {
            if (entry.attributes().isPresent()) {
                regularFile(entry, path);
                entry.directory().deleteFile(entry.name());
            }
        } catch (NoSuchFileException e) {
            // Gone already, parents and all.
        } catch (IOException e) {
            throw new ToolException("cannot remove " + path + ": " + e.getMessage());
        }
    }

    /** A resolver over the workspace, for a walk through it; {@code shown} names the walk in messages. */
    Resolver resolver(WorkspacePath shown) throws IOException {
        return Resolver.open(root, shown.toString(), hidden);
    }

    private static void regularFile(Resolver.Entry entry, WorkspacePath path) throws ToolException, NoSuchFileException {
        BasicFileAttributes attributes = entry.attributes().orElseThrow(() -> new NoSuchFileException(path.toString()));
        if (attributes.isDirectory()) {
            throw new ToolException(path + " is a directory; use list_files to see its contents");
        }
        if (!attributes.isRegularFile()) {
            throw new ToolException(path + " is not a regular file; the file tools read and write only regular files");
        }
    }

    // The size said at open may grow while reading; the limit holds all the same.
    private static byte[] readUpTo(SeekableByteChannel channel, WorkspacePath path, long limit)
            throws IOException, ToolException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(channel.size(), limit));
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        for (int n = channel.read(buffer); n >= 0; n = channel.read(buffer)) {
            bytes.write(buffer.array(), 0, n);
            buffer.clear();
            if (bytes.size() > limit) {
                throw new FileTooLargeException(path, channel.size(), limit);
            }
        }
        return bytes.toByteArray();
    }

    // Created with the old file's permissions so it is never more open than that, then given them exactly (the umask
    // may have taken some off), and renamed over the old file: a reader sees the old content or the new, whole.
    private static void replace(OpenDirectory directory, String name, byte[] content,
            Optional<Set<PosixFilePermission>> permissions) throws IOException {
        String temporary = ".cachet-write-" + UUID.randomUUID();
        FileAttribute<?>[] attributes = permissions.<FileAttribute<?>[]>map(
                kept -> new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(kept)}).orElse(new FileAttribute<?>[0]);
        try {
            try (SeekableByteChannel channel = directory.channel(temporary,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (channel instanceof FileChannel file) {
                    file.force(true);
                }
            }
            if (permissions.isPresent()) {
                directory.posix(temporary).setPermissions(permissions.get());
            }
            directory.move(temporary, directory, name);
        } catch (IOException e) {
            try {
                directory.deleteFile(temporary);
            } catch (IOException alreadyGone) {
                e.addSuppressed(alreadyGone);
            }
            throw e;
        }
    }
}
