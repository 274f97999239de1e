package dev.cachet.tools.builtin;

import dev.cachet.context.Counted;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.Schema;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolEffect;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.files.WorkspaceFiles;
import dev.cachet.tools.files.WorkspacePath;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Creates or overwrites a file, creating its parent directories. */
public final class WriteFileTool extends BuiltinTool {
    private static final ToolSpec SPEC = new ToolSpec("write_file",
            "Write a new file or replace a whole one.",
            Schema.object()
                    .string("path", BuiltinTool.PATH, true)
                    .string("content", "Whole file", true)
                    .build());

    public WriteFileTool() {
        super(SPEC);
    }

    @Override
    public ToolEffect effect() {
        return ToolEffect.FILES;
    }

    @Override
    ToolOutput run(Args args, ToolContext context) throws ToolException {
        context.checkEditsAllowed(name());
        WorkspacePath file = context.workspace().path(args.string("path"));
        String content = args.string("content");
        WorkspaceFiles files = context.files();
        WorkspacePath lands = files.checkWritable(file);
        Optional<WorkspaceFiles.Kind> kind = files.kind(file);
        if (kind.isPresent() && kind.get() == WorkspaceFiles.Kind.DIRECTORY) {
            throw new ToolException(file + " is a directory");
        }
        boolean existed = kind.isPresent();
        String lines = Counted.of(content.lines().count(), "line");
        context.checkApproved("write " + file.landingAt(lands) + " (" + (existed ? "overwrite" : "new file") + ", " + lines + ", "
                + content.length() + " chars)");
        files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return ToolOutput.ok((existed ? "overwrote " : "created ") + file + " (" + lines + ")");
    }
}
