package dev.cachet.evals.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Clones a task's repository into an empty directory with HEAD detached at the task's commit. This is a clone by
 * hand (init, fetch, checkout) for two reasons: the source never becomes a remote, so nothing done in the workspace
 * (a push) can reach it; and auto-gc after the fetch is off, which JGit would otherwise start in a background thread
 * that writes into the workspace while it is used or deleted.
 */
final class DetachedClone {
    private static final String REMOTE_BRANCHES = "refs/remotes/origin/";

    private DetachedClone() {}

    /** @return the full sha of the commit checked out */
    static String checkout(SuiteTask task, Path directory) {
        try (Git git = Git.init().setDirectory(directory.toFile()).call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setBoolean(ConfigConstants.CONFIG_FETCH_SECTION, null, ConfigConstants.CONFIG_KEY_AUTOGC, false);
            config.save();
            git.fetch()
                    .setRemote(task.repo())
                    .setRefSpecs("+HEAD:" + REMOTE_BRANCHES + "HEAD", "+refs/heads/*:" + REMOTE_BRANCHES + "*")
                    .setTagOpt(TagOpt.FETCH_TAGS)
                    .call();
            ObjectId commit = resolve(task, git.getRepository());
            git.checkout().setName(commit.name()).call();
            forgetRefs(git.getRepository());
            return commit.name();
        } catch (GitAPIException | IOException e) {
            throw new WorkspaceException("task %s: cannot clone %s at %s: %s"
                    .formatted(task.id(), task.repo(), task.commit(), e.getMessage()), e);
        }
    }

    /**
     * Leaves only the detached HEAD: the source's branches and tags may hold the commits that solved the task, and
     * an agent running `git log --all` must not find them.
     */
    private static void forgetRefs(Repository repository) throws IOException {
        for (Ref ref : repository.getRefDatabase().getRefs()) {
            if (!ref.getName().equals(Constants.HEAD)) {
                RefUpdate delete = repository.updateRef(ref.getName());
                delete.setForceUpdate(true);
                delete.delete();
            }
        }
    }

    /** The commit as written (a sha, a tag), else as one of the source's branches, HEAD included. */
    private static ObjectId resolve(SuiteTask task, Repository repository) throws IOException {
        for (String revision : List.of(task.commit(), REMOTE_BRANCHES + task.commit())) {
            try {
                ObjectId id = repository.resolve(revision + "^{commit}");
                if (id != null) {
                    return id;
                }
            } catch (RevisionSyntaxException | IncorrectObjectTypeException e) {
                // Not a commit under this reading; the error below names what was asked for.
            }
        }
        throw new WorkspaceException(
                "task %s: commit %s not found in %s".formatted(task.id(), task.commit(), task.repo()));
    }
}
