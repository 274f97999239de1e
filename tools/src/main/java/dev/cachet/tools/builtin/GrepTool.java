package dev.cachet.tools.builtin;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.FileWalker;
import dev.cachet.tools.Schema;
import dev.cachet.tools.TextFiles;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolEffect;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Searches workspace files for a regular expression; prints path:line: text for each match, up to a cap. */
public final class GrepTool extends BuiltinTool {
    static final int DEFAULT_MAX_MATCHES = 100;
    static final int MAX_LINE_CHARS = 300;

    private static final ToolSpec SPEC = new ToolSpec("grep",
            "Search file contents with a Java regular expression. Skips binary files and what .gitignore ignores.",
            Schema.object()
                    .string("pattern", "Regular expression to find in each line", true)
                    .string("glob", "Only search files matching this glob, like *.py or src/**/*.java", false)
                    .string("path", "Directory to search, relative to the workspace root (default: the root)", false)
                    .integer("max_matches", "Stop after this many matching lines (default " + DEFAULT_MAX_MATCHES + ")", false)
                    .build());

    public GrepTool() {
        super(SPEC);
    }

    @Override
    public ToolEffect effect() {
        return ToolEffect.NONE;
    }

    @Override
    ToolOutput run(Args args, ToolContext context) throws ToolException {
        Pattern pattern = compile(args.string("pattern"));
        int maxMatches = args.positiveInt("max_matches", DEFAULT_MAX_MATCHES);
        Path dir = context.workspace().resolve(args.optionalString("path").orElse("."));
        List<Path> files = new FileWalker(context.workspace()).files(dir, args.optionalString("glob").orElse("**"));
        StringBuilder out = new StringBuilder();
        int matches = 0;
        for (Path file : files) {
            List<String> lines = readLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i)).find()) {
                    if (matches == maxMatches) {
                        out.append("[... stopped after ").append(maxMatches).append(" matches; narrow the pattern or glob]\n");
                        return ToolOutput.ok(out.toString());
                    }
                    matches++;
                    out.append(context.workspace().relative(file)).append(':').append(i + 1).append(": ")
                            .append(clip(lines.get(i))).append('\n');
                }
            }
        }
        return ToolOutput.ok(matches == 0 ? "no matches" : out.toString());
    }

    private static Pattern compile(String regex) throws ToolException {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ToolException("invalid regular expression: " + e.getDescription() + " near index " + e.getIndex()
                    + " in '" + regex + "'");
        }
    }

    // Unreadable and binary files are skipped rather than failing the whole search.
    private static List<String> readLines(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return TextFiles.isBinary(bytes) ? List.of() : new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String clip(String line) {
        return line.length() <= MAX_LINE_CHARS ? line : line.substring(0, MAX_LINE_CHARS) + " [...]";
    }
}
