package dev.cachet.harness.chat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cachet.context.state.TaskState;
import dev.cachet.harness.view.Style;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.Workspace;
import dev.cachet.tools.builtin.GitDiffTool;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.Sandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code /diff}: the workspace's git diff against HEAD, as the agent's own git_diff tool sees it, coloured. */
final class WorkspaceDiff {
    private static final int LIMIT_CHARS = 200_000;

    private final Workspace workspace;
    private final Sandbox sandbox;
    private final Style style;

    WorkspaceDiff(Workspace workspace, Sandbox sandbox, Style style) {
        this.workspace = workspace;
        this.sandbox = sandbox;
        this.style = style;
    }

    List<String> show() throws ToolException {
        ToolContext context = new ToolContext(workspace, Map.of(), Duration.ofSeconds(30), LIMIT_CHARS,
                () -> TaskState.forGoal(""), sandbox, Approver.ALWAYS);
        String diff = new GitDiffTool().execute(JsonNodeFactory.instance.objectNode(), context).content();
        return diff.lines().map(this::paint).toList();
    }

    private String paint(String line) {
        if (line.startsWith("+++") || line.startsWith("---") || line.startsWith("diff ")) {
            return style.bold(line);
        }
        if (line.startsWith("+")) {
            return style.green(line);
        }
        if (line.startsWith("-")) {
            return style.red(line);
        }
        return line.startsWith("@@") ? style.cyan(line) : line;
    }
}
