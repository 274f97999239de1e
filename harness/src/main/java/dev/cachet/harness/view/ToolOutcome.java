package dev.cachet.harness.view;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Counted;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What came of a tool call, in a few lines: a command's exit code and the last lines of its output, an edit's or a
 * write's diff, counts for listings and searches, the summary of {@code finish}, the first line of an error.
 */
public final class ToolOutcome {
    static final int OUTPUT_LINES = 4;
    static final int DIFF_LINES = 30;
    private static final Pattern EDITED_LINES = Pattern.compile("now lines (\\d+)-\\d+\\)$");
    private static final Pattern MATCH = Pattern.compile("^(.+?):\\d+:");
    private static final Pattern MORE_FILES = Pattern.compile("(?m)^\\[\\.\\.\\. (\\d+) more files");
    private static final Pattern NUMBERED = Pattern.compile("^ *\\d+\t");

    private ToolOutcome() {}

    /**
     * @param before the file's content before a {@code write_file} call, where it was known; empty for a new file
     */
    public static List<String> of(ToolCall call, ToolResult result, long elapsedMs, Optional<String> before, Style style) {
        if (result.error()) {
            return List.of(style.red("error: " + firstLine(result.content())));
        }
        JsonNode args = call.parsedArguments();
        return switch (call.name()) {
            case "run_command" -> command(result.content(), elapsedMs, style);
            case "edit_file" -> diff(args.path("old_string").asText(""), args.path("new_string").asText(""),
                    editedFrom(result.content()), style);
            case "write_file" -> diff(before.orElse(""), args.path("content").asText(""), 1, style);
            case "list_files" -> List.of(files(result.content()));
            case "grep" -> List.of(matches(result.content()));
            case "read_file" -> List.of(Counted.of(result.content().lines().filter(l -> NUMBERED.matcher(l).find()).count(), "line"));
            case "git_diff" -> List.of(changedFiles(result.content()));
            case "finish" -> List.of(style.bold(TerminalText.uncoloured(result.content().replaceFirst("^finished: ",
                    ""))));
            default -> List.of(style.dim(firstLine(result.content())));
        };
    }

    private static List<String> command(String content, long elapsedMs, Style style) {
        List<String> lines = new ArrayList<>(content.lines().toList());
        String status = lines.isEmpty() ? "" : lines.remove(0);
        String exit = status.replaceFirst("^exit code ", "exit ");
        String seconds = String.format(Locale.ROOT, " (%.1fs)", elapsedMs / 1000.0);
        List<String> out = new ArrayList<>();
        out.add((exit.equals("exit 0") ? style.green(exit) : style.red(exit)) + style.dim(seconds));
        int from = Math.max(0, lines.size() - OUTPUT_LINES);
        if (from > 0) {
            out.add(style.dim("| ... " + Counted.of(from, "more line") + " above"));
        }
        lines.subList(from, lines.size()).forEach(line -> out.add(style.dim("| ") + TerminalText.uncoloured(line)));
        return out;
    }

    private static List<String> diff(String before, String after, int firstLine, Style style) {
        List<UnifiedDiff.Line> diff = UnifiedDiff.of(before, after, firstLine, 2);
        if (diff.isEmpty()) {
            return List.of(style.dim("no change"));
        }
        List<String> out = new ArrayList<>();
        for (UnifiedDiff.Line line : diff.subList(0, Math.min(diff.size(), DIFF_LINES))) {
            out.add(switch (line.kind()) {
                case HUNK -> style.cyan(line.text());
                case SAME -> " " + line.text();
                case REMOVED -> style.red("-" + line.text());
                case ADDED -> style.green("+" + line.text());
            });
        }
        if (diff.size() > DIFF_LINES) {
            out.add(style.dim("... " + Counted.of(diff.size() - DIFF_LINES, "more diff line")));
        }
        return out;
    }

    private static String changedFiles(String diff) {
        long files = diff.lines().filter(l -> l.startsWith("diff --git ")).count();
        return files == 0 ? firstLine(diff) : Counted.of(files, "file") + " changed";
    }

    private static int editedFrom(String content) {
        Matcher lines = EDITED_LINES.matcher(content.strip());
        return lines.find() ? Integer.parseInt(lines.group(1)) : 1;
    }

    private static String files(String content) {
        if (content.strip().equals("no files match")) {
            return "no files match";
        }
        long listed = content.lines().filter(l -> !l.isBlank() && !l.startsWith("[")).count();
        Matcher more = MORE_FILES.matcher(content);
        return Counted.of(listed + (more.find() ? Long.parseLong(more.group(1)) : 0), "file");
    }

    private static String matches(String content) {
        long matches = 0;
        Set<String> files = new HashSet<>();
        for (String line : content.lines().toList()) {
            Matcher match = MATCH.matcher(line);
            if (match.find()) {
                matches++;
                files.add(match.group(1));
            }
        }
        return matches == 0 ? firstLine(content) : Counted.of(matches, "match") + " in " + Counted.of(files.size(), "file");
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return ToolCallLine.cut(line);
    }
}
