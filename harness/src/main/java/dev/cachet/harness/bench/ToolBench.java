package dev.cachet.harness.bench;

import dev.cachet.context.Json;
import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.ExtractiveSummarizer;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.StrategyServices;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.providers.cache.CacheSimulator;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.Workspace;
import dev.cachet.tools.catalog.ToolCatalog;
import dev.cachet.tools.catalog.ToolLoading;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plays one scripted session with a set of MCP tools on offer, loaded eagerly (every schema in the tools array) or
 * deferred (core tools, tool_search and call_tool; an MCP tool's schema arrives as a search result the first time
 * the agent needs it), renders each request with a context strategy and bills it as {@value #MODEL} under
 * Anthropic's prompt cache. Both ways perform the same actions; deferred adds a tool_search turn before the first
 * call of each MCP tool.
 */
public final class ToolBench {
    public static final String MODEL = "claude-sonnet-4-6";

    private final TokenCounter counter;
    private final String systemPrompt;
    private final ModelPrice price;
    private final McpToolSet mcp;
    private final ToolCatalog catalog;
    private final int coreToolTokens;
    // The scripted tools and the meta tools never touch the workspace or the environment; a tool call still needs them.
    private final ToolContext context = ToolContext.defaults(new Workspace(Path.of(".")), Map.of());

    /** @param coreTools the schemas of the tools every session offers, such as {@code ToolBox.core()}'s */
    public ToolBench(TokenCounter counter, String systemPrompt, List<ToolSpec> coreTools, McpToolSet mcp,
            ModelPrice price) {
        this.counter = counter;
        this.systemPrompt = systemPrompt;
        this.price = price;
        this.mcp = mcp;
        this.catalog = new ToolCatalog(coreTools.stream()
                .<Tool>map(spec -> new ScriptedTool(spec, ToolScript.coreOutputChars(spec.name())))
                .toList(), mcp.tools());
        this.coreToolTokens = coreTools.stream().mapToInt(counter::count).sum();
    }

    public ToolCatalog catalog() {
        return catalog;
    }

    public McpToolSet mcp() {
        return mcp;
    }

    /** The scripted actions, the same in both modes. */
    public int actions() {
        return ToolScript.actions(mcp.calls()).size();
    }

    public ToolBenchRun run(ToolLoading loading, StrategyInfo strategy) {
        Play play = new Play(catalog.toolBox(loading), strategy);
        Set<String> searched = new HashSet<>();
        for (ToolScript.Action action : ToolScript.actions(mcp.calls())) {
            if (play.tools.has(action.tool())) {
                play.turn(action.tool(), action.arguments());
                continue;
            }
            if (searched.add(action.tool())) {
                search(play, action.tool());
            }
            // The action's arguments are JSON already, and tool names need no escaping.
            play.turn(ToolCatalog.CALL_TOOL, "{\"name\":\"" + action.tool() + "\",\"arguments\":" + action.arguments() + "}");
        }
        return new ToolBenchRun(loading, strategy.name(), coreToolTokens, play.turns);
    }

    private void search(Play play, String tool) {
        String query = mcp.calls().searchQuery(tool);
        ToolOutput found = play.turn(ToolCatalog.SEARCH_TOOL, Json.mapper().createObjectNode().put("query", query).toString());
        if (!found.content().contains(ToolBenchTurn.schemaHeading(tool))) {
            throw new IllegalStateException("the script's tool_search for '" + query + "' does not find " + tool);
        }
    }

    /** One session in progress: each turn renders the window, bills it, and appends the call and its result. */
    private final class Play {
        final ToolBox tools;
        final List<ToolBenchTurn> turns = new ArrayList<>();
        private final Session session;
        private final ContextStrategy strategy;
        private final CacheSimulator cache =
                BreakpointCacheSimulator.anthropic(counter, MODEL, CacheLifetime.FIVE_MINUTES, price);

        Play(ToolBox tools, StrategyInfo info) {
            this.tools = tools;
            this.session = new Session(systemPrompt, tools.specs(), mcp.calls().task());
            this.strategy = info.create(new StrategyServices(new WindowFactory(counter), price.cacheRates(),
                    new ExtractiveSummarizer()), info.configure(Map.of()));
        }

        ToolOutput turn(String tool, String arguments) {
            ToolCall call = new ToolCall("call_" + (turns.size() + 1), tool, arguments);
            Window window = strategy.render(session);
            AssistantTurn answer = AssistantTurn.calls("", call);
            Usage usage = cache.next(window, counter.count(answer));
            turns.add(new ToolBenchTurn(turns.size() + 1, call, window, searchResultTokens(window), usage, price.cost(usage)));
            session.append(answer);
            ToolOutput output = tools.execute(call, context);
            session.append(output.resultFor(call));
            return output;
        }

        /** Schemas the model reads outside the tools array: the search results the window still holds. */
        private int searchResultTokens(Window window) {
            return window.messages().stream()
                    .filter(ToolBenchTurn::isSearchResult)
                    .mapToInt(counter::count)
                    .sum();
        }
    }
}
