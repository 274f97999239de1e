package dev.cachet.tools.builtin;

import dev.cachet.context.Counted;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.Schema;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolEffect;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.files.FileTooLargeException;
import dev.cachet.tools.files.FileWalker;
import dev.cachet.tools.files.TimeLimit;
import dev.cachet.tools.files.TextFiles;
import dev.cachet.tools.files.WorkspaceFiles;
import dev.cachet.tools.files.WorkspacePath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Searches workspace files for a regular expression; prints path:line: text for each match, up to a cap. */
public final class GrepTool extends BuiltinTool {
    static final int DEFAULT_MAX_MATCHES = 100;
    static final int MAX_LINE_CHARS = 300;
    /** A line's characters a pattern is matched against: a part that matches nothing repeats at each of them. */
    static final int MAX_MATCHED_CHARS = 1 << 16;
    /** Comments mode, where a count may hold spaces and a comment hide a bracket from {@link CountedRepetitions}. */
    private static final Pattern COMMENTS_MODE = Pattern.compile("\\(\\?[a-zA-Z]*x");
    private static final int SKIPPED_NAMED = 5;

    private static final ToolSpec SPEC = new ToolSpec("grep",
            "Search file contents by Java regex; skips .gitignored files.",
            Schema.object()
                    .string("pattern", "Matched per line", true)
                    .optionalString("glob")
                    .optionalString("path")
                    .optionalInteger("max_matches")
                    .build());

    public GrepTool() {
        super(SPEC);
    }

    @Override
    public ToolEffect effect() {
        return ToolEffect.NONE;
    }

    /** Its pattern may backtrack for long ({@link StoppableText}). */
    @Override
    public boolean stoppable() {
        return true;
    }

    @Override
    ToolOutput run(Args args, ToolContext context) throws ToolException {
        Pattern pattern = compile(args.string("pattern"));
        int maxMatches = args.positiveInt("max_matches", DEFAULT_MAX_MATCHES);
        WorkspacePath dir = context.workspace().path(args.optionalString("path").orElse("."));
        WorkspaceFiles files = context.files();
        // One limit for the walk and the matching: the walk's ignore rules can take as long as a pattern.
        TimeLimit limit = TimeLimit.of(context.commandTimeout());
        FileWalker.Listing listing = new FileWalker(files).files(dir, args.optionalString("glob").orElse("**"), limit);
        List<WorkspacePath> candidates = listing.files();
        StringBuilder out = new StringBuilder();
        List<WorkspacePath> tooLarge = new ArrayList<>();
        int matches = 0;
        for (WorkspacePath file : candidates) {
            List<String> lines = readLines(files, file, tooLarge);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                StoppableText text = new StoppableText(line.substring(0, Math.min(line.length(), MAX_MATCHED_CHARS)),
                        limit.deadlineNanos());
                if (matches(pattern, text, file, i + 1, context)) {
                    if (matches == maxMatches) {
                        out.append("[... stopped after ").append(maxMatches).append(" matches; narrow the pattern or glob]\n");
                        return ToolOutput.ok(out + listing.saidLeftOut().orElse(""));
                    }
                    matches++;
                    out.append(file).append(':').append(i + 1).append(": ").append(clip(lines.get(i))).append('\n');
                }
            }
        }
        String notes = skipped(tooLarge) + listing.saidLeftOut().orElse("");
        return ToolOutput.ok(matches == 0 ? "no matches" + (notes.isEmpty() ? "" : "\n" + notes) : out + notes);
    }

    /** Whether {@code pattern} is found in the line; a match the timeout or a stop ends is an error naming where. */
    private static boolean matches(Pattern pattern, StoppableText line, WorkspacePath file, int number,
            ToolContext context) throws ToolException {
        try {
            line.check();
            return pattern.matcher(line).find();
        } catch (StoppableText.Stopped e) {
            if (e.interrupted()) {
                throw new ToolException("grep was stopped while matching " + file + ":" + number);
            }
            throw new ToolException("the pattern '" + pattern + "' was still matching " + file + ":" + number
                    + " after " + context.commandTimeout().toSeconds() + "s, the command timeout (nested repetition"
                    + " backtracks without end); simplify it");
        }
    }

    private static Pattern compile(String regex) throws ToolException {
        if (COMMENTS_MODE.matcher(regex).find()) {
            throw new ToolException("the pattern '" + regex + "' turns on comments mode ((?x)), which grep does not take");
        }
        if (CountedRepetitions.of(regex) > CountedRepetitions.MAX) {
            throw new ToolException("the pattern '" + regex + "' repeats a part more than "
                    + String.format(Locale.ROOT, "%,d", CountedRepetitions.MAX)
                    + " times, counts of nested groups multiplied; use fewer, or * and +");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ToolException("invalid regular expression: " + e.getDescription() + " near index " + e.getIndex()
                    + " in '" + regex + "'");
        }
    }

    // Binary files and what cannot be read as a file (a FIFO, a link out) are skipped; files too large to load are
    // skipped and named.
    private static List<String> readLines(WorkspaceFiles files, WorkspacePath file, List<WorkspacePath> tooLarge) {
        try {
            byte[] bytes = files.read(file, TextFiles.MAX_BYTES);
            return TextFiles.isBinary(bytes) ? List.of() : new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (FileTooLargeException e) {
            tooLarge.add(file);
            return List.of();
        } catch (ToolException e) {
            return List.of();
        }
    }

    private static String skipped(List<WorkspacePath> tooLarge) {
        if (tooLarge.isEmpty()) {
            return "";
        }
        return "[skipped " + Counted.of(tooLarge.size(), "file") + " over "
                + FileTooLargeException.size(TextFiles.MAX_BYTES) + ": "
                + tooLarge.stream().limit(SKIPPED_NAMED).map(WorkspacePath::toString).collect(Collectors.joining(", "))
                + (tooLarge.size() > SKIPPED_NAMED ? ", ..." : "") + "]\n";
    }

    private static String clip(String line) {
        return line.length() <= MAX_LINE_CHARS ? line : line.substring(0, MAX_LINE_CHARS) + " [...]";
    }
}
