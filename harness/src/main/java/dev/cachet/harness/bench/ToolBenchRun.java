package dev.cachet.harness.bench;

import dev.cachet.tools.catalog.ToolLoading;
import java.util.List;

/**
 * One tool benchmark session, turn by turn.
 *
 * @param coreToolTokens tokens of the core tools' schemas, in the tools array of every request either way
 */
public record ToolBenchRun(ToolLoading loading, String strategy, int coreToolTokens, List<ToolBenchTurn> turns) {
    public ToolBenchRun {
        turns = List.copyOf(turns);
    }

    /** Every schema the model read, over all turns: core tools, the rest of the tools array, and search results. */
    public long schemaTokens() {
        return turns.stream().mapToLong(ToolBenchTurn::schemaTokens).sum();
    }

    public long coreSchemaTokens() {
        return (long) coreToolTokens * turns.size();
    }

    /** The tools array beyond the core tools: the MCP schemas eagerly, tool_search and call_tool deferred. */
    public long addedToolTokens() {
        return turns.stream().mapToLong(turn -> turn.window().toolTokens()).sum() - coreSchemaTokens();
    }

    public long searchResultTokens() {
        return turns.stream().mapToLong(ToolBenchTurn::searchResultTokens).sum();
    }

    /** What the MCP tools cost in schemas, beyond the core tools. */
    public long mcpSchemaTokens() {
        return addedToolTokens() + searchResultTokens();
    }

    public long inputTokens() {
        return turns.stream().mapToLong(turn -> turn.usage().input()).sum();
    }

    public double inputTokensPerTurn() {
        return (double) inputTokens() / turns.size();
    }

    public double costUsd() {
        return turns.stream().mapToDouble(ToolBenchTurn::costUsd).sum();
    }

    public long searches() {
        return turns.stream().filter(ToolBenchTurn::isSearch).count();
    }

    public long deferredCalls() {
        return turns.stream().filter(ToolBenchTurn::isDeferredCall).count();
    }

    /** Deferred calls made after the strategy dropped the search result that showed the tool's schema. */
    public long unseenToolCalls() {
        return turns.stream().filter(ToolBenchTurn::callsUnseenTool).count();
    }
}
