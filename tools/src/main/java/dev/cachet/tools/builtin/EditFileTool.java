package dev.cachet.tools.builtin;

import dev.cachet.context.Counted;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.Schema;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolEffect;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.files.TextFiles;
import dev.cachet.tools.files.WorkspaceFiles;
import dev.cachet.tools.files.WorkspacePath;
import java.nio.charset.StandardCharsets;

/** Replaces one exact, unique occurrence of a string in a file. */
public final class EditFileTool extends BuiltinTool {
    private static final ToolSpec SPEC = new ToolSpec("edit_file",
            "Change a file: replace old_string (exactly once, exact whitespace) with new_string.",
            Schema.object()
                    .string("path", BuiltinTool.PATH, true)
                    .string("old_string", "Exact text to replace", true)
                    .string("new_string", "Replacement", true)
                    .build());

    public EditFileTool() {
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
        String oldString = args.string("old_string");
        String newString = args.string("new_string");
        WorkspaceFiles files = context.files();
        WorkspacePath lands = files.checkWritable(file);
        if (oldString.isEmpty()) {
            throw new ToolException("old_string is empty; use write_file to create or overwrite " + file);
        }
        String text = TextFiles.read(files, file);
        Occurrences found = Occurrences.of(text, oldString);
        int at = found.first();
        if (at < 0) {
            throw new ToolException("old_string not found in " + file + "; read the file and copy the text exactly");
        }
        if (found.count() > 1) {
            throw new ToolException("old_string occurs " + found.count() + " times in " + file
                    + "; include more surrounding text so it matches exactly once");
        }
        String edited = text.substring(0, at) + newString + text.substring(at + oldString.length());
        context.checkApproved("edit " + file.landingAt(lands) + " (replace " + lines(oldString) + " with " + lines(newString) + ")");
        files.write(file, edited.getBytes(StandardCharsets.UTF_8));
        int firstLine = lineOf(edited, at);
        // A replacement ending in a newline ends on the line before the next line starts.
        int lastLine = lineOf(edited, at + newString.length() - (newString.endsWith("\n") ? 1 : 0));
        return ToolOutput.ok("edited " + file + ": replaced 1 occurrence (now lines " + firstLine + "-" + lastLine + ")");
    }

    private static String lines(String text) {
        return Counted.of(text.lines().count(), "line");
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
