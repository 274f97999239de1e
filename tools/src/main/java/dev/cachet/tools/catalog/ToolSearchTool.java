package dev.cachet.tools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Args;
import dev.cachet.tools.Schema;
import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolEffect;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Finds deferred tools by words in their names and descriptions and returns the best one's full schema, and the
 * other matches by name, as a tool result: the schema joins the history, not the cached tools array.
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
                + "keywords or an exact name; returns the best match's parameter schema and the other matches' names. Call one "
                + "with call_tool.",
                Schema.object()
                        .string("query", "Keywords: what the tool should do or work on", true)
                        .integer("limit", "Most tools to return (default " + DEFAULT_LIMIT + ", at most " + MAX_LIMIT + ")", false)
                        .build());
    }

    @Override
    public ToolEffect effect() {
        return ToolEffect.NONE;
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
        String exact = query.strip();
        List<Tool> matches = deferred.stream()
                .filter(tool -> score(tool, words, exact) > 0)
                .sorted(Comparator.comparingInt((Tool tool) -> -score(tool, words, exact)).thenComparing(Tool::name))
                .limit(limit)
                .toList();
        if (matches.isEmpty()) {
            return ToolOutput.ok("no tools match '" + query + "'. Available: "
                    + deferred.stream().map(Tool::name).collect(Collectors.joining(", ")));
        }
        // Only the best match comes with its schema: the others are a line each, so a search adds one schema to
        // the history rather than five, and the model searches a name to load another.
        Tool best = matches.get(0);
        StringBuilder text = new StringBuilder("## ").append(best.name()).append('\n')
                .append(best.spec().description()).append('\n')
                .append("parameters: ").append(best.spec().parameters()).append('\n');
        if (matches.size() > 1) {
            text.append("\nAlso matching (search for one by name to get its parameters):\n");
            matches.subList(1, matches.size()).forEach(tool -> text.append("- ").append(tool.name()).append(": ")
                    .append(tool.spec().description().lines().findFirst().orElse("")).append('\n'));
        }
        return ToolOutput.schemas(text.append("\nCall it with call_tool {\"name\": ..., \"arguments\": {...}}.").toString());
    }

    /** Words found in the name count more than in the description; the exact name wins outright. */
    private static int score(Tool tool, List<String> words, String exact) {
        if (tool.name().equalsIgnoreCase(exact)) {
            return Integer.MAX_VALUE;
        }
        String name = tool.name().toLowerCase(Locale.ROOT);
        String description = tool.spec().description().toLowerCase(Locale.ROOT);
        int score = 0;
        for (String word : words) {
            score += (name.contains(word) ? NAME_WEIGHT : 0) + (description.contains(word) ? 1 : 0);
        }
        return score;
    }
}
