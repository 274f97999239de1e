package dev.cachet.tools.builtin;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolEffect;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;
import dev.cachet.context.HeadTailBuffer;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A tool that reads the workspace's git repository through JGit, running no command its config names
 * ({@link CommandlessFs}); its output is capped like any command's.
 */
abstract class GitTool extends BuiltinTool {
    GitTool(ToolSpec spec) {
        super(spec);
    }

    @Override
    public ToolEffect effect() {
        return ToolEffect.NONE;
    }

    @Override
    final ToolOutput run(Args args, ToolContext context) throws ToolException {
        // JGit reads in cachet's own process, where the sandbox hides no credential store, and the model can write
        // what tells it where to read: the repository is the workspace's own .git, the work tree the workspace.
        Path root = context.workspace().root();
        if (context.sandbox().hiddenFrom(context.environment(), root).anyInside(root)) {
            // A diff or a status shows every file of the work tree, hidden or not.
            throw new ToolException(name() + " is off while a path inside the workspace is hidden from the agent (a "
                    + "credential store or --deny-read); run git in a command, whose sandbox hides it");
        }
        Path gitDir = OwnRepository.check(root);
        try (Repository repository = new FileRepositoryBuilder().setFS(new CommandlessFs()).setGitDir(gitDir.toFile())
                .setWorkTree(root.toFile()).setMustExist(true).build();
                Git git = new Git(repository)) {
            return ToolOutput.ok(HeadTailBuffer.cap(inspect(git, context), context.outputLimitChars()));
        } catch (RepositoryNotFoundException e) {
            throw new ToolException("the workspace is not a git repository");
        } catch (BoundedIgnoreTreeIterator.Stopped e) {
            throw (ToolException) e.getCause();
        } catch (JGitInternalException e) {
            // JGit's commands pass on an IOException of the walk wrapped.
            if (e.getCause() instanceof BoundedIgnoreTreeIterator.Stopped stopped) {
                throw (ToolException) stopped.getCause();
            }
            throw failed(e);
        } catch (IOException | GitAPIException e) {
            throw failed(e);
        }
    }

    // A stop can also end JGit in its own reads (a channel closed by the interrupt), which say nothing of it.
    private ToolException failed(Exception e) {
        return new ToolException(Thread.currentThread().isInterrupted() ? name() + " was stopped"
                : name() + " failed: " + e.getMessage());
    }

    abstract String inspect(Git git, ToolContext context) throws IOException, GitAPIException;
}
