package dev.cachet.harness.config;

import dev.cachet.context.Utf8Position;
import dev.cachet.harness.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The directories the user trusts, by canonical path, kept in a file in the user's own config directory: one path a
 * line. Only a trusted directory's {@code .cachet.yaml} may set keys that send keys elsewhere or run commands. This
 * file is the whole trust decision: nothing a repository contains takes part in it.
 */
public final class TrustedDirectories {
    static final String FILE_NAME = "trusted-projects";
    private static final String HEADER = "# Directories whose .cachet.yaml cachet honours in full, one a line; "
            + "change with 'cachet trust [--revoke] DIR'.";

    private final Path file;

    public TrustedDirectories(Path file) {
        this.file = file;
    }

    /** The list in cachet's config directory. */
    public static TrustedDirectories of(UserDirs dirs) {
        return new TrustedDirectories(dirs.config().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    public boolean trusts(Path directory) {
        return canonical(directory).map(list()::contains).orElse(false);
    }

    /** Trusts {@code directory}, which must exist; returns its canonical path. */
    public Path trust(Path directory) {
        Path canonical = canonical(directory).filter(Files::isDirectory)
                .orElseThrow(() -> new InputException(directory + ": not a directory"));
        if (canonical.toString().contains("\n")) {
            throw new InputException(directory + ": cannot trust a path with a line break in it");
        }
        TreeSet<Path> trusted = new TreeSet<>(list());
        if (trusted.add(canonical)) {
            write(trusted);
        }
        return canonical;
    }

    /** Stops trusting {@code directory}, also one that no longer exists; returns whether it was trusted. */
    public boolean revoke(Path directory) {
        TreeSet<Path> trusted = new TreeSet<>(list());
        boolean removed = trusted.remove(canonical(directory).orElse(directory.toAbsolutePath().normalize()));
        if (removed) {
            write(trusted);
        }
        return removed;
    }

    /** Every trusted directory, sorted; none when the file does not exist. */
    public List<Path> list() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InputException(Utf8Position.firstIn(file).map(at -> at.describe(file)).orElse(file + ": not UTF-8"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        TreeSet<Path> trusted = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Path path = Path.of(line);
            if (!path.isAbsolute()) {
                throw new InputException(file + ":" + (i + 1) + ": expected an absolute path, got '" + line + "'");
            }
            trusted.add(path);
        }
        return List.copyOf(trusted);
    }

    // Replaced whole, so a crash leaves the old list or the new one, never half of one.
    private void write(TreeSet<Path> trusted) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        trusted.forEach(path -> lines.add(path.toString()));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static Optional<Path> canonical(Path directory) {
        try {
            return Optional.of(directory.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
