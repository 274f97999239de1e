package dev.cachet.tools.catalog;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolBox;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's tools: core tools always in the tools array, deferred ones (MCP servers, extras) loaded only when the
 * model needs them. The array a session sends is fixed when the session starts, so loading a tool never changes
 * the cached prefix.
 */
public final class ToolCatalog {
    /** The names of the two meta tools deferred loading adds, as the model calls them. */
    public static final String SEARCH_TOOL = ToolSearchTool.NAME;
    public static final String CALL_TOOL = CallToolTool.NAME;

    private final List<Tool> core;
    private final List<Tool> deferred;

    public ToolCatalog(List<Tool> core, List<Tool> deferred) {
        this.core = List.copyOf(core);
        this.deferred = List.copyOf(deferred);
    }

    public List<Tool> core() {
        return core;
    }

    public List<Tool> deferred() {
        return deferred;
    }

    /**
     * The tools a session offers and runs: with {@link ToolLoading#DEFERRED}, the core tools and, when there is
     * anything deferred, {@code tool_search} and {@code call_tool}; with {@link ToolLoading#EAGER}, every tool.
     */
    public ToolBox toolBox(ToolLoading loading) {
        List<Tool> offered = new ArrayList<>(core);
        if (loading == ToolLoading.EAGER) {
            offered.addAll(deferred);
        } else if (!deferred.isEmpty()) {
            offered.add(new ToolSearchTool(deferred));
            offered.add(new CallToolTool(new ToolBox(deferred)));
        }
        return new ToolBox(offered);
    }

    /** The schemas of every tool, core first, as {@code cachet tools} lists them. */
    public List<ToolSpec> allSpecs() {
        List<ToolSpec> specs = new ArrayList<>();
        core.forEach(tool -> specs.add(tool.spec()));
        deferred.forEach(tool -> specs.add(tool.spec()));
        return specs;
    }
}
