package dev.cachet.tools.builtin;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Schema;
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

    @Override
    String inspect(Git git) throws GitAPIException {
        Status status = git.status().call();
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
            return "clean: no changes";
        }
        StringBuilder out = new StringBuilder();
        codes.forEach((path, code) -> out.append(code).append(' ').append(path).append('\n'));
        return out.toString();
    }

    private static void mark(Map<String, char[]> codes, Set<String> paths, int column, char code) {
        paths.forEach(p -> codes.computeIfAbsent(p, k -> new char[] {' ', ' '})[column] = code);
    }
}
