package dev.cachet.evals.suite;

import dev.cachet.context.Durations;
import dev.cachet.tools.command.CommandResult;
import dev.cachet.tools.command.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Prepares a fresh workspace per task run: a clone of the task's repository at its commit, with setup done. */
public final class Workspaces {
    private static final int OUTPUT_LIMIT_CHARS = 4_000;
    private static final int OUTPUT_TAIL_CHARS = 1_000;

    private final boolean keep;
    private final Map<String, String> environment;

    /**
     * @param keep leave workspaces on disk when closed, to look at what the agent did
     * @param environment what setup commands run with: the environment cachet was started with
     */
    public Workspaces(boolean keep, Map<String, String> environment) {
        this.keep = keep;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Clones into a new directory under {@code tempRoot} and runs the task's setup there. Safe to call from several
     * threads at once, also for the same repository. A workspace that fails to prepare is deleted, unless kept.
     *
     * @throws WorkspaceException naming the task, if the clone, the checkout or the setup fails
     */
    public TaskWorkspace prepare(SuiteTask task, Path tempRoot) {
        Path directory = createDirectory(task, tempRoot);
        try {
            String commit = checkout(task, directory);
            CheckFiles checkFiles = CheckFiles.read(task, directory, commit);
            task.setup().ifPresent(setup -> runSetup(task, setup, directory));
            return new TaskWorkspace(directory, commit, checkFiles, keep);
        } catch (RuntimeException e) {
            if (!keep) {
                deleteAfterFailure(directory, e);
            }
            throw e;
        }
    }

    private static String checkout(SuiteTask task, Path directory) {
        if (!PlainDirectory.isPlain(task.repo())) {
            return DetachedClone.checkout(task, directory);
        }
        if (!task.commit().equals("HEAD")) {
            throw new WorkspaceException("task %s: %s is not a git repository, so it has no commit %s; leave commit out"
                    .formatted(task.id(), task.repo(), task.commit()));
        }
        return PlainDirectory.copyAndCommit(Path.of(task.repo()), directory);
    }

    private static void deleteAfterFailure(Path directory, RuntimeException failure) {
        try {
            Directories.deleteRecursively(directory);
        } catch (UncheckedIOException e) {
            failure.addSuppressed(e);
        }
    }

    private static Path createDirectory(SuiteTask task, Path tempRoot) {
        try {
            return Files.createTempDirectory(Files.createDirectories(tempRoot), task.id() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a workspace for task " + task.id() + " in " + tempRoot, e);
        }
    }

    private void runSetup(SuiteTask task, String setup, Path directory) {
        CommandResult result;
        try {
            result = new CommandRunner(OUTPUT_LIMIT_CHARS).run(setup, environment, directory, task.budget().timeout());
        } catch (IOException e) {
            throw new WorkspaceException("task " + task.id() + ": cannot run setup: " + e.getMessage(), e);
        }
        if (!result.succeeded()) {
            String how = result.timedOut() ? "timed out after " + Durations.format(task.budget().timeout())
                    : "exit " + result.exitCode();
            throw new WorkspaceException("task %s: setup failed (%s): %s\n%s"
                    .formatted(task.id(), how, setup, tail(result.output())));
        }
    }

    private static String tail(String output) {
        String trimmed = output.strip();
        return trimmed.substring(Math.max(0, trimmed.length() - OUTPUT_TAIL_CHARS));
    }
}
