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
import dev.cachet.tools.files.WorkspacePath;
import java.util.List;
import java.util.Optional;

/** Shows a file, or a range of its lines, with line numbers. */
public final class ReadFileTool extends BuiltinTool {
    static final int MAX_LINES = 2000;

    private static final ToolSpec SPEC = new ToolSpec("read_file",
            "Read a file's numbered lines.",
            Schema.object()
                    .string("path", BuiltinTool.PATH, true)
                    .optionalInteger("start_line")
                    .optionalInteger("end_line")
                    .build());

    public ReadFileTool() {
        super(SPEC);
    }

    @Override
    public ToolEffect effect() {
        return ToolEffect.NONE;
    }

    @Override
    ToolOutput run(Args args, ToolContext context) throws ToolException {
        WorkspacePath file = context.workspace().path(args.string("path"));
        List<String> lines = TextFiles.read(context.files(), file).lines().toList();
        int start = args.positiveInt("start_line", 1);
        Optional<Integer> requestedEnd = args.optionalInt("end_line");
        if (requestedEnd.isPresent() && requestedEnd.get() < start) {
            throw new ToolException("end_line " + requestedEnd.get() + " is before start_line " + start);
        }
        int end = Math.min(requestedEnd.orElse(lines.size()), lines.size());
        if (start > Math.max(lines.size(), 1)) {
            throw new ToolException("start_line " + start + " is past the end of "
                    + file + " (" + Counted.of(lines.size(), "line") + ")");
        }
        int last = Math.min(end, start + MAX_LINES - 1);
        StringBuilder out = new StringBuilder();
        for (int i = start; i <= last; i++) {
            out.append(String.format("%6d\t%s%n", i, lines.get(i - 1)));
        }
        if (last < lines.size()) {
            out.append("[showing lines ").append(start).append('-').append(last).append(" of ").append(lines.size())
                    .append("; use start_line=").append(last + 1).append(" to read on]\n");
        }
        if (lines.isEmpty()) {
            out.append("[empty file]\n");
        }
        return ToolOutput.ok(out.toString());
    }
}
