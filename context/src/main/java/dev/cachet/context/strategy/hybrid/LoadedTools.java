package dev.cachet.context.strategy.hybrid;

import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tool schemas that outputs in folded turns carried (what tool searches found): the agent may still call those
 * tools, so a fold keeps them.
 */
public final class LoadedTools {
    /** Heads the kept schemas. */
    public static final String HEADING = "## Tools found with tool_search in folded turns";

    private LoadedTools() {}

    /** The schemas that the observations in [{@code start}, {@code end}) carried, headed; empty when there are none. */
    static Optional<UserText> between(History history, int start, int end) {
        List<String> found = new ArrayList<>();
        for (int at : history.observations()) {
            ToolResult result = (ToolResult) history.messages().get(at);
            if (at >= start && at < end && result.carriesSchema()) {
                found.add(result.content());
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(new UserText(HEADING + "\n\n" + String.join("\n\n", found)));
    }
}
