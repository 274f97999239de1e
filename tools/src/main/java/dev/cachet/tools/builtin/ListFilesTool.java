package dev.cachet.tools.builtin;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.Schema;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolEffect;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.files.FileWalker;
import dev.cachet.tools.files.TimeLimit;
import dev.cachet.tools.files.WorkspacePath;
import java.util.List;

/** Lists workspace files matching a glob, honouring .gitignore. */
public final class ListFilesTool extends BuiltinTool {
    static final int MAX_FILES = 500;

    private static final ToolSpec SPEC = new ToolSpec("list_files",
            "Find files by glob, like src/**/*.java; skips .gitignored files.",
            Schema.object()
                    .optionalString("glob")
                    .optionalString("path")
                    .build());

    public ListFilesTool() {
        super(SPEC);
    }

    /**
     * A listing of a large tree, or of one full of links, can run long; a stop ends it between folders, and it
     * matches ignore rules until the command timeout.
     */
    @Override
    public boolean stoppable() {
        return true;
    }

    @Override
    public ToolEffect effect() {
        return ToolEffect.NONE;
    }

    @Override
    ToolOutput run(Args args, ToolContext context) throws ToolException {
        WorkspacePath dir = context.workspace().path(args.optionalString("path").orElse("."));
        FileWalker.Listing listing = new FileWalker(context.files())
                .files(dir, args.optionalString("glob").orElse("**"), TimeLimit.of(context.commandTimeout()));
        List<WorkspacePath> files = listing.files();
        String leftOut = listing.saidLeftOut().orElse("");
        if (files.isEmpty()) {
            return ToolOutput.ok("no files match" + (leftOut.isEmpty() ? "" : "\n" + leftOut));
        }
        StringBuilder out = new StringBuilder();
        files.stream().limit(MAX_FILES).forEach(f -> out.append(f).append('\n'));
        if (files.size() > MAX_FILES) {
            out.append("[... ").append(files.size() - MAX_FILES).append(" more files; narrow the glob or path]\n");
        }
        return ToolOutput.ok(out.append(leftOut).toString());
    }
}
