package dev.cachet.evals.trace;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The trajectory files a user points at: files as given, with a Claude Code session's sub-agents' own logs, and in
 * directories every file of a known format (others are counted, not read, since log directories hold all sorts).
 */
public final class TraceFiles {
    private static final List<String> SUFFIXES = List.of(".jsonl", ".json", ".traj");

    /**
     * @param formats  the format of each file found in a directory, detected as it was found
     * @param skipped  files found in directories, or beside a session's log, that are not trajectories
     * @param unlisted why each directory under those searched that could not be listed was not: its logs are not read
     */
    public record Found(List<Path> files, Map<Path, TraceFormat> formats, int skipped, List<String> unlisted) {
        public Found {
            files = List.copyOf(files);
            formats = Map.copyOf(formats);
            unlisted = List.copyOf(unlisted);
        }

        /**
         * The format of one of the files: as found in its directory, else (a file named) detected now, with an error
         * naming the file when it has none.
         */
        public TraceFormat format(Path file) {
            TraceFormat found = formats.get(file);
            return found != null ? found : TraceFormats.of(file);
        }
    }

    private TraceFiles() {}

    public static Found expand(List<Path> paths) {
        return expand(paths, file -> Optional.empty());
    }

    /**
     * @param known the format of a file found in a directory where it is known without reading the file (a cache of
     *              earlier reads knows it), asked of each with its absolute, normal path before its head is read
     */
    public static Found expand(List<Path> paths, Function<Path, Optional<TraceFormat>> known) {
        List<Path> files = new ArrayList<>();
        Map<Path, TraceFormat> formats = new HashMap<>();
        int skipped = 0;
        Walk walk = new Walk();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                files.add(path);
                // A session's log stands for the session: its sub-agents' own logs come with it, as from its
                // directory, since its progress lines leave the calls they relay to those logs.
                skipped += addDetected(subAgentLogs(path, walk.unlisted), known, files, formats);
            } else if (Files.isDirectory(path)) {
                skipped += addDetected(walk.candidates(path), known, files, formats);
            } else if (Files.exists(path)) {
                // A named pipe or a device: reading it could wait for ever, or never end.
                throw new TraceFormatException(path + ": not a regular file or a directory");
            } else {
                throw new TraceFormatException("no such file or directory: " + path);
            }
        }
        // A file named and also found in a named directory is one session, not two.
        return new Found(files.stream().map(TraceFiles::normal).distinct().toList(), formats, skipped, walk.unlisted);
    }

    /**
     * Adds those of {@code candidates} that are logs to {@code files}, with their formats; returns how many were not.
     */
    private static int addDetected(List<Path> candidates, Function<Path, Optional<TraceFormat>> known,
            List<Path> files, Map<Path, TraceFormat> formats) {
        // Each head is read and parsed on its own: on all cores, in the candidates' order.
        List<Detected> detected = candidates.parallelStream().map(file -> detect(file, known)).toList();
        int skipped = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Path file = candidates.get(i);
            Detected head = detected.get(i);
            if (head.format().isPresent() || head.unreadable()) {
                files.add(file);
                head.format().ifPresent(format -> formats.put(normal(file), format));
            } else {
                skipped++;
            }
        }
        return skipped;
    }

    /**
     * The own logs of the sub-agents of the Claude Code session logged in {@code log} that have a trajectory's
     * suffix; none, with a note in {@code unlisted}, where their folder cannot be listed.
     */
    private static List<Path> subAgentLogs(Path log, List<String> unlisted) {
        if (!hasSuffix(log, ".jsonl")) {
            return List.of();
        }
        try {
            return ClaudeCodeAgents.ownLogPaths(log).stream().filter(TraceFiles::hasTraceSuffix).toList();
        } catch (IOException e) {
            unlisted.add("cannot list the sub-agents' logs beside " + log + ": " + IoReasons.of(e)
                    + "; they are not read");
            return List.of();
        }
    }

    private static boolean hasTraceSuffix(Path file) {
        return SUFFIXES.stream().anyMatch(suffix -> hasSuffix(file, suffix));
    }

    private static boolean hasSuffix(Path file, String suffix) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix);
    }

    /**
     * What a file's head says: its format, or none (another tool's file); a file whose head cannot be read is kept,
     * for its reader to say why, since it may well be a log.
     */
    private record Detected(Optional<TraceFormat> format, boolean unreadable) {}

    private static Detected detect(Path file, Function<Path, Optional<TraceFormat>> known) {
        try {
            return new Detected(known.apply(normal(file)).or(() -> TraceFormats.detect(file)), false);
        } catch (TraceFormatException e) {
            return new Detected(Optional.empty(), true);
        }
    }

    private static Path normal(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /**
     * The files with a trajectory's suffix under the directories searched, through symbolic links (a log directory,
     * or the projects under it, may be a link to another disk), each file once however many links reach it, by its
     * own path where a link also reaches it (a project's directory names its project). A link back up the tree was
     * walked where it points; a directory that cannot be listed, or whose files cannot be looked at, is said and passed
     * over.
     */
    static final class Walk extends SimpleFileVisitor<Path> {
        /** The files of earlier walks, by file key: a file found again in a later directory was read already. */
        private final Set<Object> seen = new HashSet<>();
        /** This walk's files by file key; those the file system gives no key, apart. */
        private final Map<Object, Path> byKey = new LinkedHashMap<>();
        private final List<Path> keyless = new ArrayList<>();
        private final Set<Path> unentered = new HashSet<>();
        private Path root;
        final List<String> unlisted = new ArrayList<>();

        List<Path> candidates(Path directory) {
            byKey.clear();
            keyless.clear();
            root = directory;
            try {
                Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, this);
            } catch (IOException e) {
                throw new TraceFormatException("cannot list " + directory + ": " + IoReasons.of(e));
            }
            seen.addAll(byKey.keySet());
            return Stream.concat(byKey.values().stream(), keyless.stream()).sorted().toList();
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            Object key = attributes.fileKey();
            if (!attributes.isRegularFile() || !hasTraceSuffix(file)) {
                return FileVisitResult.CONTINUE;
            }
            if (key == null) {
                keyless.add(file);
            } else if (!seen.contains(key)) {
                byKey.merge(key, file, (first, again) -> reachedByLink(first) && !reachedByLink(again) ? again : first);
            }
            return FileVisitResult.CONTINUE;
        }

        /** Whether a link below the directory walked leads to the file (its own path lies elsewhere). */
        private boolean reachedByLink(Path file) {
            try {
                return !file.toRealPath().equals(root.toRealPath().resolve(root.relativize(file)));
            } catch (IOException e) {
                return true;
            }
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
                return FileVisitResult.CONTINUE;
            }
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                unlisted.add("cannot list " + file + ": " + IoReasons.of(e) + "; the logs in it are not read");
            } else if (unentered.add(file.getParent())) {
                // Its directory was listed but cannot be entered: none of its files can be looked at.
                unlisted.add("cannot look at the files in " + file.getParent() + ": " + IoReasons.of(e)
                        + "; the logs in it are not read");
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
