package dev.cachet.harness.view;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolCall;
import java.util.Optional;

/**
 * One line for a tool call, with what it acts on: the path and range read, the command run, the pattern searched.
 * A tool it does not know, or arguments that do not parse, show as the model wrote them, cut to a line.
 */
public final class ToolCallLine {
    static final int MAX_ARGUMENTS = 100;

    private ToolCallLine() {}

    public static String of(ToolCall call, Style style) {
        return "> " + style.bold(style.cyan(call.name())) + what(call).map(w -> " " + w).orElse("");
    }

    private static Optional<String> what(ToolCall call) {
        JsonNode args = call.parsedArguments();
        if (!args.isObject()) {
            return Optional.of(cut(call.arguments()));
        }
        String described = switch (call.name()) {
            case "read_file" -> text(args, "path") + range(args);
            case "run_command" -> "$ " + oneLine(text(args, "command"));
            case "grep" -> "/" + text(args, "pattern") + "/" + in(args) + (args.has("glob") ? " (" + text(args, "glob") + ")" : "");
            case "list_files" -> (text(args, "glob") + in(args)).strip();
            case "edit_file", "write_file" -> text(args, "path");
            case "finish" -> "";
            case "tool_search" -> "\"" + text(args, "query") + "\"";
            case "call_tool" -> text(args, "name") + " " + cut(args.path("arguments").toString());
            default -> args.isEmpty() ? "" : args.toString();
        };
        return described.isEmpty() ? Optional.empty() : Optional.of(cut(described));
    }

    private static String range(JsonNode args) {
        if (!args.has("start_line") && !args.has("end_line")) {
            return "";
        }
        return ":" + (args.has("start_line") ? args.get("start_line").asText() : "1") + "-"
                + (args.has("end_line") ? args.get("end_line").asText() : "end");
    }

    private static String in(JsonNode args) {
        return args.has("path") ? " in " + text(args, "path") : "";
    }

    private static String text(JsonNode args, String name) {
        return args.path(name).asText("");
    }

    private static String oneLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ...";
    }

    /** One line of what the model or a tool wrote, cut to fit; its colours shown, as it could fake cachet's. */
    static String cut(String text) {
        String line = TerminalText.uncoloured(text.replace('\n', ' '));
        return line.length() <= MAX_ARGUMENTS ? line : line.substring(0, MAX_ARGUMENTS - 3) + "...";
    }
}
