package dev.cachet.tools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.Schema;
import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Finds deferred tools by words in their names and descriptions and returns their full schemas as a tool result:
 * the schema joins the history, not the cached tools array.
 */
final class ToolSearchTool implements Tool {
    static final String NAME = "tool_search";
    private static final int DEFAULT_LIMIT = 5;
    private static final int MAX_LIMIT = 20;
    private static final int NAME_WEIGHT = 3;

    private final List<Tool> deferred;
    private final ToolSpec spec;

    ToolSearchTool(List<Tool> deferred) {
        this.deferred = List.copyOf(deferred);
        this.spec = new ToolSpec(NAME, "Find more tools (" + deferred.size() + " are available beyond these) by "
                + "keywords; returns their names, descriptions and parameter schemas. Call one with call_tool.",
                Schema.object()
                        .string("query", "Keywords: what the tool should do or work on", true)
                        .integer("limit", "Most tools to return (default " + DEFAULT_LIMIT + ", at most " + MAX_LIMIT + ")", false)
                        .build());
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public ToolOutput execute(JsonNode json, ToolContext context) throws ToolException {
        Args args = new Args(NAME, json);
        String query = args.string("query");
        int limit = Math.min(args.positiveInt("limit", DEFAULT_LIMIT), MAX_LIMIT);
        List<String> words = List.of(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(word -> word.length() >= 2)
                .toList();
        List<Tool> matches = deferred.stream()
                .filter(tool -> score(tool, words) > 0)
                .sorted(Comparator.comparingInt((Tool tool) -> -score(tool, words)).thenComparing(Tool::name))
                .limit(limit)
                .toList();
        if (matches.isEmpty()) {
            return ToolOutput.ok("no tools match '" + query + "'. Available: "
                    + deferred.stream().map(Tool::name).collect(Collectors.joining(", ")));
        }
        StringBuilder text = new StringBuilder();
        for (Tool tool : matches) {
            text.append("## ").append(tool.name()).append('\n')
                    .append(tool.spec().description()).append('\n')
                    .append("parameters: ").append(tool.spec().parameters()).append("\n\n");
        }
        return ToolOutput.ok(text.append("Call one with call_tool {\"name\": ..., \"arguments\": {...}}.").toString());
    }

    private static int score(Tool tool, List<String> words) {
        String name = tool.name().toLowerCase(Locale.ROOT);
        String description = tool.spec().description().toLowerCase(Locale.ROOT);
        int score = 0;
        for (String word : words) {
            score += (name.contains(word) ? NAME_WEIGHT : 0) + (description.contains(word) ? 1 : 0);
        }
        return score;
    }
}
