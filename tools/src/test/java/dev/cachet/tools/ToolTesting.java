package dev.cachet.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolCall;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds tool arguments and contexts, and calls tools the way the agent loop does: through a {@link ToolBox}. */
public final class ToolTesting {
    private ToolTesting() {}

    /** An argument object from alternating names and values: {@code args("path", "a.txt", "start_line", 2)}. */
    public static ObjectNode args(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        ObjectNode args = Json.mapper().createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.set((String) namesAndValues[i], Json.mapper().valueToTree(namesAndValues[i + 1]));
        }
        return args;
    }

    /**
     * Commands run unsandboxed, so tool tests pass where bwrap is missing; sandboxes are tested on their own. They
     * run with the test's own environment.
     */
    public static ToolContext context(Path root) {
        return context(root, System.getenv());
    }

    /** As {@link #context(Path)}, as if cachet had been started with {@code environment}. */
    public static ToolContext context(Path root, Map<String, String> environment) {
        return ToolContext.defaults(new Workspace(root), environment).withSandbox(Sandbox.of(SandboxMode.FULL));
    }

    public static ToolContext context(Path root, Duration commandTimeout, int outputLimitChars) {
        ToolContext context = context(root);
        return new ToolContext(context.workspace(), context.environment(), commandTimeout, outputLimitChars,
                context.taskState(), context.sandbox(), context.approver());
    }

    /** An approver that declines every request and keeps it in {@code asked}, as a user who says no. */
    public static Approver declining(List<String> asked) {
        return what -> {
            asked.add(what);
            return false;
        };
    }

    /** Calls {@code tool} with the given arguments; tool errors come back as error outputs, as the model sees them. */
    public static ToolOutput call(Tool tool, ToolContext context, Object... namesAndValues) {
        return new ToolBox(List.of(tool)).execute(
                new ToolCall("call-1", tool.name(), args(namesAndValues).toString()), context);
    }

    public static ToolOutput call(Tool tool, Path root, Object... namesAndValues) {
        return call(tool, context(root), namesAndValues);
    }
}
