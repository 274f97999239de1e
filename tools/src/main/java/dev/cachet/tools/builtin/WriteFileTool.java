package dev.cachet.tools.builtin;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.Schema;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolEffect;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates or overwrites a file, creating its parent directories. */
public final class WriteFileTool extends BuiltinTool {
    private static final ToolSpec SPEC = new ToolSpec("write_file",
            "Create a file, or overwrite it, with the given content. Parent directories are created.",
            Schema.object()
                    .string("path", "File path, relative to the workspace root", true)
                    .string("content", "The complete new content of the file", true)
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
        Path file = context.workspace().resolve(args.string("path"));
        String content = args.string("content");
        String shown = context.workspace().relative(file);
        if (Files.isDirectory(file)) {
            throw new ToolException(shown + " is a directory");
        }
        boolean existed = Files.exists(file);
        long lines = content.lines().count();
        context.checkApproved("write " + shown + " (" + (existed ? "overwrite" : "new file") + ", " + lines + " lines, "
                + content.length() + " chars)");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return ToolOutput.ok((existed ? "overwrote " : "created ") + shown + " (" + lines + " lines)");
        } catch (IOException e) {
            throw new ToolException("cannot write " + shown + ": " + e.getMessage());
        }
    }
}
