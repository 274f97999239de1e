package dev.cachet.harness.bench;

import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.hybrid.LoadedTools;
import dev.cachet.context.window.Window;
import dev.cachet.providers.Usage;
import dev.cachet.tools.catalog.ToolCatalog;

/**
 * One request of a tool benchmark session: the window sent, the call the model answered with, and what the
 * request cost.
 *
 * @param searchResultTokens tokens of the tool_search results in the window: schemas read from the history
 */
public record ToolBenchTurn(int turn, ToolCall call, Window window, int searchResultTokens, Usage usage, double costUsd) {
    /** Every schema the model reads this turn: the tools array and the search results. */
    public int schemaTokens() {
        return window.toolTokens() + searchResultTokens;
    }

    public boolean isSearch() {
        return call.name().equals(ToolCatalog.SEARCH_TOOL);
    }

    public boolean isDeferredCall() {
        return call.name().equals(ToolCatalog.CALL_TOOL);
    }

    /** A deferred call made when no search result in the window shows the called tool's schema any more. */
    public boolean callsUnseenTool() {
        if (!isDeferredCall()) {
            return false;
        }
        String heading = schemaHeading(call.parsedArguments().path("name").asText());
        return window.messages().stream().noneMatch(message -> isSearchResult(message) && text(message).contains(heading));
    }

    /** A tool_search result, or the schemas hybrid keeps from the ones it folded away. */
    static boolean isSearchResult(Message message) {
        return message instanceof ToolResult result && result.toolName().equals(ToolCatalog.SEARCH_TOOL)
                || message instanceof UserText text && text.text().startsWith(LoadedTools.HEADING);
    }

    private static String text(Message message) {
        return message instanceof ToolResult result ? result.content() : ((UserText) message).text();
    }

    /** How a tool_search result starts the entry of each tool it found. */
    static String schemaHeading(String tool) {
        return "## " + tool + "\n";
    }
}
