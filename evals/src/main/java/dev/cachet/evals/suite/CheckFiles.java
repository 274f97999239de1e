package dev.cachet.evals.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * The files a task's check runs from, as they are at the task's commit: read from the fresh clone before the agent
 * runs (so nothing it does to the repository's history can change them), and put back before the check runs, so an
 * agent that rewrites the check is judged by the real one.
 *
 * @param roots the paths asked for that the commit has, each a file or a directory
 * @param files every file at or below the roots
 */
public record CheckFiles(List<String> roots, List<CommittedFile> files) {
    public static final CheckFiles NONE = new CheckFiles(List.of(), List.of());

    /** A file of the commit: its path in the repository, its content, and whether it is executable or a link. */
    public record CommittedFile(String path, byte[] content, boolean executable, boolean link) {}

    public CheckFiles {
        roots = List.copyOf(roots);
        files = List.copyOf(files);
    }

    /**
     * The task's check scripts and {@code check_files} at {@code commit} of the repository in {@code directory}.
     * A script the commit does not have is left out (the check may run one it makes); a missing check file is an error.
     */
    static CheckFiles read(SuiteTask task, Path directory, String commit) {
        List<String> scripts = CheckScripts.in(task.check());
        List<String> wanted = new ArrayList<>(scripts);
        task.checkFiles().stream().map(path -> Path.of(path).normalize().toString()).filter(path -> !wanted.contains(path))
                .forEach(wanted::add);
        if (wanted.isEmpty()) {
            return NONE;
        }
        List<String> roots = new ArrayList<>();
        List<CommittedFile> files = new ArrayList<>();
        try (Repository repository = new FileRepositoryBuilder().setWorkTree(directory.toFile()).build();
                RevWalk commits = new RevWalk(repository);
                TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commits.parseCommit(ObjectId.fromString(commit)).getTree());
            walk.setRecursive(true);
            walk.setFilter(PathFilterGroup.createFromStrings(wanted));
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    continue;
                }
                files.add(new CommittedFile(walk.getPathString(), repository.open(walk.getObjectId(0)).getBytes(),
                        mode == FileMode.EXECUTABLE_FILE, mode == FileMode.SYMLINK));
            }
        } catch (IOException e) {
            throw new WorkspaceException("task " + task.id() + ": cannot read the check's files at " + commit + ": "
                    + e.getMessage(), e);
        }
        for (String path : wanted) {
            boolean present = files.stream().anyMatch(file -> file.path().equals(path) || file.path().startsWith(path + "/"));
            if (present) {
                roots.add(path);
            } else if (!scripts.contains(path)) {
                throw new WorkspaceException("task %s: check_files: %s is not in commit %s".formatted(task.id(), path, commit));
            }
        }
        return new CheckFiles(roots, files);
    }

    /**
     * Puts every root back in {@code workspace} exactly as it is at the commit: what the agent left there (an edited
     * file, a new file in a check directory, a symbolic link anywhere on the way) is removed, never followed.
     */
    public void restore(Path workspace) {
        try {
            requireRealDirectory(workspace);
            for (String root : roots) {
                Path target = realParents(workspace, root).resolve(Path.of(root).getFileName());
                Directories.deleteRecursively(target);
            }
            for (CommittedFile file : files) {
                write(realParents(workspace, file.path()).resolve(Path.of(file.path()).getFileName()), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the check's files back in " + workspace, e);
        }
    }

    /** The parent directory of {@code path} in the workspace, each part of the way made a real directory. */
    private static Path realParents(Path workspace, String path) throws IOException {
        Path directory = workspace;
        Path parent = Path.of(path).getParent();
        if (parent == null) {
            return directory;
        }
        for (Path name : parent) {
            directory = directory.resolve(name.toString());
            if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(directory);
            }
            if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(directory);
            }
        }
        return directory;
    }

    private static void write(Path target, CommittedFile file) throws IOException {
        if (file.link()) {
            Files.createSymbolicLink(target, Path.of(new String(file.content(), StandardCharsets.UTF_8)));
            return;
        }
        // CREATE_NEW refuses anything already there, a link included.
        Files.write(target, file.content(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(file.executable() ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private static void requireRealDirectory(Path workspace) {
        if (!Files.isDirectory(workspace, LinkOption.NOFOLLOW_LINKS)) {
            throw new WorkspaceException(workspace + ": the workspace is no longer a directory; the check cannot run");
        }
    }
}
