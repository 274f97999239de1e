package dev.cachet.tools.files;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A directory held open: every operation names one of its entries and works on the directory it holds
 * ({@code openat}, {@code fstatat}, {@code renameat}, {@code unlinkat} on Linux), never follows a symbolic link,
 * and stays valid whatever happens to the path that led here.
 */
final class OpenDirectory implements Closeable {
    private final SecureDirectoryStream<Path> stream;

    private OpenDirectory(SecureDirectoryStream<Path> stream) {
        this.stream = stream;
    }

    /** Opens {@code trusted} by its path, which nothing untrusted can change (the workspace root). */
    static OpenDirectory open(Path trusted) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(trusted);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return new OpenDirectory(secure);
        }
        stream.close();
        throw new IOException("this platform cannot open directories race-free (no SecureDirectoryStream)");
    }

    /** The entry's attributes, not following a link; empty if there is no such entry. */
    Optional<BasicFileAttributes> stat(String name) throws IOException {
        try {
            return Optional.of(stream.getFileAttributeView(entry(name), BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The attributes of this directory itself. */
    BasicFileAttributes attributes() throws IOException {
        return stream.getFileAttributeView(BasicFileAttributeView.class).readAttributes();
    }

    /** The directory {@code name}; fails if it is a link or anything but a directory. */
    OpenDirectory directory(String name) throws IOException {
        return new OpenDirectory((SecureDirectoryStream<Path>) stream.newDirectoryStream(entry(name),
                LinkOption.NOFOLLOW_LINKS));
    }

    /** Opens the file {@code name}; fails if it is a link. */
    SeekableByteChannel channel(String name, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
            throws IOException {
        Set<OpenOption> noFollow = new HashSet<>(options);
        noFollow.add(LinkOption.NOFOLLOW_LINKS);
        return stream.newByteChannel(entry(name), noFollow, attributes);
    }

    PosixFileAttributeView posix(String name) {
        return stream.getFileAttributeView(entry(name), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** Renames the entry {@code from} to {@code to} in {@code target}, replacing what is there, atomically. */
    void move(String from, OpenDirectory target, String to) throws IOException {
        stream.move(entry(from), target.stream, entry(to));
    }

    void deleteFile(String name) throws IOException {
        stream.deleteFile(entry(name));
    }

    /** The names of the entries, in no particular order. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        stream.forEach(entry -> names.add(entry.getFileName().toString()));
        return names;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }

    // A name with a '/' would be looked up through the directories it names, following their links.
    private static Path entry(String name) {
        if (!WorkspacePath.isEntryName(name)) {
            throw new IllegalArgumentException("not a directory entry: '" + name + "'");
        }
        return Path.of(name);
    }
}
