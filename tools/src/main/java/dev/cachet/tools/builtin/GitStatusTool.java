package dev.cachet.tools.builtin;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Schema;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.files.IgnoreRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;

/** Shows changed files in the short format of {@code git status --short}. */
public final class GitStatusTool extends GitTool {
    private static final ToolSpec SPEC = new ToolSpec("git_status",
            "List changed files (git status --short).",
            Schema.object().build());

    // The two columns of `git status --short`: staged, then unstaged.
    private static final int INDEX = 0;
    private static final int WORK_TREE = 1;

    public GitStatusTool() {
        super(SPEC);
    }

    /** Its ignore rules may take long to match ({@link BoundedIgnoreTreeIterator}); it changes nothing. */
    @Override
    public boolean stoppable() {
        return true;
    }

    @Override
    String inspect(Git git, ToolContext context) throws GitAPIException {
        List<String> leftOut = new ArrayList<>();
        Status status = git.status()
                .setWorkingTreeIt(BoundedIgnoreTreeIterator.root(git.getRepository(), context, leftOut)).call();
        String said = IgnoreRules.said(leftOut).orElse("");
        Map<String, char[]> codes = new TreeMap<>();
        mark(codes, status.getAdded(), INDEX, 'A');
        mark(codes, status.getChanged(), INDEX, 'M');
        mark(codes, status.getRemoved(), INDEX, 'D');
        mark(codes, status.getModified(), WORK_TREE, 'M');
        mark(codes, status.getMissing(), WORK_TREE, 'D');
        for (int column : new int[] {INDEX, WORK_TREE}) {
            mark(codes, status.getUntracked(), column, '?');
            mark(codes, status.getConflicting(), column, 'U');
        }
        if (codes.isEmpty()) {
            return "clean: no changes" + (said.isEmpty() ? "" : "\n" + said);
        }
        StringBuilder out = new StringBuilder();
        codes.forEach((path, code) -> out.append(code).append(' ').append(path).append('\n'));
        return out.append(said).toString();
    }

    private static void mark(Map<String, char[]> codes, Set<String> paths, int column, char code) {
        paths.forEach(p -> codes.computeIfAbsent(p, k -> new char[] {' ', ' '})[column] = code);
    }
}
