package dev.cachet.tools.builtin;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Schema;
import dev.cachet.tools.ToolContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;

/**
 * Shows the unified diff of the working tree against HEAD: staged and unstaged changes together, and new files
 * that are not ignored, so the agent sees the files it created.
 */
public final class GitDiffTool extends GitTool {
    private static final ToolSpec SPEC = new ToolSpec("git_diff",
            "Show the diff since the last commit, new files included.",
            Schema.object().build());

    public GitDiffTool() {
        super(SPEC);
    }

    @Override
    String inspect(Git git, ToolContext context) throws IOException, GitAPIException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var head = git.getRepository().resolve(Constants.HEAD + "^{tree}");
        var diff = git.diff().setOutputStream(out).setNewTree(new FileTreeIterator(git.getRepository()));
        if (head != null) {
            try (ObjectReader reader = git.getRepository().newObjectReader()) {
                diff.setOldTree(new CanonicalTreeParser(null, reader, head));
                diff.call();
            }
        } else {
            diff.setOldTree(new DirCacheIterator(git.getRepository().readDirCache())).call();
        }
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? "no changes against HEAD" : text;
    }
}
