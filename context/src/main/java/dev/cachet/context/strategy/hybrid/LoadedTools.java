package dev.cachet.context.strategy.hybrid;

import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The tool schemas that searches in folded turns found: the agent may still call those tools, so a fold keeps them. */
public final class LoadedTools {
    /** Heads the kept schemas. */
    public static final String HEADING = "## Tools found with tool_search in folded turns";
    // The tools module's name for its search tool; context cannot depend on tools.
    private static final String TOOL_SEARCH = "tool_search";

    private LoadedTools() {}

    /** The schemas that the observations in [{@code start}, {@code end}) returned, headed; empty when there are none. */
    static Optional<UserText> between(History history, int start, int end) {
        List<String> found = new ArrayList<>();
        for (int at : history.observations()) {
            ToolResult result = (ToolResult) history.messages().get(at);
            if (at >= start && at < end && history.callAt(at).name().equals(TOOL_SEARCH) && !result.error()) {
                found.add(result.content());
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(new UserText(HEADING + "\n\n" + String.join("\n\n", found)));
    }
}
