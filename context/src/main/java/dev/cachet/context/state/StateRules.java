package dev.cachet.context.state;

import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import java.util.Map;

/**
 * Updates task state from what tools did: files read, edited or written, the last error (a failed tool call or a
 * command that exited non-zero; a command that succeeds clears it), and the model's own {@code update_task_state}
 * calls. Works on tool names and arguments only, so recorded sessions from anywhere can be replayed through it.
 */
public final class StateRules {
    private static final Map<String, FileTouch> FILE_TOOLS = Map.of(
            "read_file", FileTouch.READ, "edit_file", FileTouch.EDITED, "write_file", FileTouch.WRITTEN);
    public static final String UPDATE_TASK_STATE = "update_task_state";
    private static final String RUN_COMMAND = "run_command";
    private static final String EXIT_CODE_PREFIX = "exit code ";
    private static final int MAX_ERROR_CHARS = 300;

    public TaskState apply(TaskState state, ToolCall call, ToolResult result) {
        if (result.error()) {
            String error = firstLine(result.content());
            String named = error.startsWith(call.name() + ":") ? error : call.name() + ": " + error;
            return state.withLastError(clip(named));
        }
        FileTouch touch = FILE_TOOLS.get(call.name());
        if (touch != null) {
            return call.textArgument("path").map(path -> state.touch(path, touch)).orElse(state);
        }
        if (call.name().equals(RUN_COMMAND)) {
            return commandOutcome(state, call, result.content());
        }
        if (call.name().equals(UPDATE_TASK_STATE)) {
            return modelUpdate(state, call);
        }
        return state;
    }

    // The tool checked these ops against this same state before it succeeded, so they apply cleanly.
    private static TaskState modelUpdate(TaskState state, ToolCall call) {
        TaskState next = state;
        for (TaskStateOp op : TaskStateOp.parse(call.parsedArguments(), state)) {
            next = op.applyTo(next);
        }
        return next;
    }

    private static TaskState commandOutcome(TaskState state, ToolCall call, String output) {
        if (!output.startsWith(EXIT_CODE_PREFIX)) {
            return state;
        }
        String exitCode = firstLine(output).substring(EXIT_CODE_PREFIX.length());
        if (exitCode.equals("0")) {
            return state.withLastError("");
        }
        String command = call.textArgument("command").orElse("?");
        return state.withLastError(clip("`" + command + "` exited " + exitCode + ": " + lastNonBlankLine(output)));
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static String lastNonBlankLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("").strip();
    }

    private static String clip(String text) {
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "...";
    }
}
