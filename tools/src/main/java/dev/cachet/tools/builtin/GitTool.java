package dev.cachet.tools.builtin;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolEffect;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;
import dev.cachet.context.HeadTailBuffer;
import java.io.IOException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
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
        // The workspace is the work tree whatever core.worktree says: the model can write the config, and JGit reads
        // in cachet's own process, where the sandbox hides no credential store.
        try (Repository repository = new FileRepositoryBuilder().setFS(new CommandlessFs())
                .setWorkTree(context.workspace().root().toFile()).setMustExist(true).build();
                Git git = new Git(repository)) {
            return ToolOutput.ok(HeadTailBuffer.cap(inspect(git), context.outputLimitChars()));
        } catch (RepositoryNotFoundException e) {
            throw new ToolException("the workspace is not a git repository");
        } catch (IOException | GitAPIException e) {
            throw new ToolException(name() + " failed: " + e.getMessage());
        }
    }

    abstract String inspect(Git git) throws IOException, GitAPIException;
}
