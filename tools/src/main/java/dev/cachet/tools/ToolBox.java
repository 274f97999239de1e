package dev.cachet.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.builtin.EditFileTool;
import dev.cachet.tools.builtin.FinishTool;
import dev.cachet.tools.builtin.GitDiffTool;
import dev.cachet.tools.builtin.GitStatusTool;
import dev.cachet.tools.builtin.GrepTool;
import dev.cachet.tools.builtin.ListFilesTool;
import dev.cachet.tools.builtin.ReadFileTool;
import dev.cachet.tools.builtin.RunCommandTool;
import dev.cachet.tools.builtin.UpdateTaskStateTool;
import dev.cachet.tools.builtin.WriteFileTool;
import dev.cachet.tools.sandbox.SecretRedactor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools of a session, by name. {@link #execute} never throws: unknown tools, arguments that are not JSON,
 * tool errors and tool crashes all come back as error outputs, so the model sees them and the loop goes on; and
 * every output, whatever tool it comes from, leaves with the environment's secrets redacted.
 */
public final class ToolBox {
    private final Map<String, Tool> tools = new LinkedHashMap<>();

    public ToolBox(List<Tool> tools) {
        for (Tool tool : tools) {
            if (this.tools.putIfAbsent(tool.name(), tool) != null) {
                throw new IllegalArgumentException("two tools are named " + tool.name());
            }
        }
    }

    /** The built-in coding tools. */
    public static ToolBox core() {
        return new ToolBox(List.of(
                new ReadFileTool(), new ListFilesTool(), new GrepTool(), new EditFileTool(), new WriteFileTool(),
                new RunCommandTool(), new GitStatusTool(), new GitDiffTool(), new UpdateTaskStateTool(), new FinishTool()));
    }

    /** The tools, in the order they are offered. */
    public List<Tool> tools() {
        return List.copyOf(tools.values());
    }

    public boolean has(String name) {
        return tools.containsKey(name);
    }

    /** What a call of this name may change; a name no tool has changes nothing, since such a call only fails. */
    public ToolEffect effect(String name) {
        Tool tool = tools.get(name);
        return tool == null ? ToolEffect.NONE : tool.effect();
    }

    /** Whether a stop may cut a call of {@code name} short ({@link Tool#stoppable}). */
    public boolean stoppable(String name) {
        Tool tool = tools.get(name);
        return tool != null && tool.stoppable();
    }

    public List<ToolSpec> specs() {
        return tools.values().stream().map(Tool::spec).toList();
    }

    /** Runs {@code call}; no secret of the context's environment is left in what it returns. */
    public ToolOutput execute(ToolCall call, ToolContext context) {
        ToolOutput output = run(call, context);
        return output.withContent(SecretRedactor.of(context.environment()).redact(output.content()));
    }

    private ToolOutput run(ToolCall call, ToolContext context) {
        Tool tool = tools.get(call.name());
        if (tool == null) {
            return ToolOutput.error("unknown tool '" + call.name() + "'; available tools: " + String.join(", ", tools.keySet()));
        }
        JsonNode args;
        try {
            args = Json.mapper().readTree(call.arguments());
        } catch (JsonProcessingException e) {
            return ToolOutput.error("arguments of " + call.name() + " are not valid JSON: " + e.getOriginalMessage());
        }
        if (args == null || !args.isObject()) {
            return ToolOutput.error("arguments of " + call.name() + " must be a JSON object");
        }
        try {
            return tool.execute(args, context);
        } catch (ToolException e) {
            return ToolOutput.error(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A deeply recursive regex overflows the stack; that is the model's input failing, not the session.
            return ToolOutput.error(call.name() + " crashed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
