package dev.cachet.tools.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FS_POSIX;
import org.eclipse.jgit.util.ProcessResult;
import org.eclipse.jgit.util.TemporaryBuffer;

/**
 * JGit's file system, but one that runs no command. A repository's config names commands JGit would run (a filter's
 * {@code clean}, hooks), the model can write that config, and JGit runs in cachet's own process: outside the sandbox,
 * as the user, with every key in its environment. Here a filter passes the content through unchanged, as a
 * repository without that filter would read it, and no hook is present.
 */
final class CommandlessFs extends FS_POSIX {
    CommandlessFs() {
        super(FS.DETECTED);
    }

    private CommandlessFs(FS source) {
        super(source);
    }

    @Override
    public FS newInstance() {
        return new CommandlessFs(this);
    }

    /** A builder of no command: it cannot be started, and {@link #execute} never starts it. */
    @Override
    public ProcessBuilder runInShell(String command, String[] args) {
        return new ProcessBuilder();
    }

    @Override
    public ExecutionResult execute(ProcessBuilder command, InputStream in) throws IOException {
        TemporaryBuffer out = new TemporaryBuffer.Heap(Integer.MAX_VALUE);
        in.transferTo(out);
        out.close();
        return new ExecutionResult(out, new TemporaryBuffer.Heap(0), 0);
    }

    @Override
    public ProcessResult runHookIfPresent(Repository repository, String hookName, String[] args, OutputStream out,
            OutputStream err, String stdin) {
        return new ProcessResult(ProcessResult.Status.NOT_PRESENT);
    }
}
