package dev.cachet.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.catalog.ToolCatalog;
import dev.cachet.tools.catalog.ToolLoading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ToolBenchTest {
    private static final StrategyInfo TRANSCRIPT = Strategies.named(TranscriptStrategy.NAME);
    private static final List<ToolSpec> CORE = ToolBox.core().specs();

    private final TokenCounter counter = TokenCounter.o200k();
    private final ToolBench bench = bench(counter);
    private final ToolBenchRun eager = bench.run(ToolLoading.EAGER, TRANSCRIPT);
    private final ToolBenchRun deferred = bench.run(ToolLoading.DEFERRED, TRANSCRIPT);

    private static ToolBench bench(TokenCounter counter) {
        return new ToolBench(counter, "You are a coding agent.", CORE,
                PriceTable.bundled().price(ToolBench.MODEL).orElseThrow());
    }

    @Test
    void forty_mcp_tools_of_four_servers_cost_what_real_ones_do() {
        List<Tool> mcp = bench.catalog().deferred();

        assertThat(mcp).hasSize(40);
        assertThat(SyntheticMcpTools.servers()).hasSize(4);
        assertThat(mcp).allSatisfy(tool -> assertThat(counter.count(tool.spec())).as(tool.name()).isBetween(100, 400));
    }

    @Test
    void eager_tools_array_holds_every_schema_and_never_changes() {
        assertThat(eager.turns()).hasSize(bench.actions())
                .allSatisfy(turn -> assertThat(turn.window().tools()).isEqualTo(bench.catalog().allSpecs()));
        assertThat(bench.catalog().allSpecs()).hasSize(CORE.size() + 40);
    }

    @Test
    void deferred_tools_array_is_core_and_the_meta_tools_byte_identical_every_turn() {
        List<String> expected = new ArrayList<>(CORE.stream().map(ToolSpec::name).toList());
        expected.addAll(List.of(ToolCatalog.SEARCH_TOOL, ToolCatalog.CALL_TOOL));
        String first = json(deferred.turns().get(0).window().tools());

        assertThat(deferred.turns()).allSatisfy(turn -> {
            assertThat(turn.window().tools()).extracting(ToolSpec::name).isEqualTo(expected);
            assertThat(json(turn.window().tools())).isEqualTo(first);
        });
    }

    @Test
    void both_sessions_do_the_same_actions_in_the_same_order_and_deferred_searches_once_per_mcp_tool() {
        List<ToolCall> eagerActions = eager.turns().stream().map(ToolBenchTurn::call).toList();
        List<ToolCall> deferredActions = deferred.turns().stream().filter(turn -> !turn.isSearch())
                .map(turn -> unwrapped(turn.call())).toList();

        assertThat(deferredActions).extracting(ToolCall::name).isEqualTo(eagerActions.stream().map(ToolCall::name).toList());
        assertThat(deferredActions).extracting(ToolCall::parsedArguments)
                .isEqualTo(eagerActions.stream().map(ToolCall::parsedArguments).toList());
        assertThat(eagerActions).extracting(ToolCall::name).contains("read_file", "edit_file", "run_command");
        List<String> mcpNames = bench.catalog().deferred().stream().map(Tool::name).toList();
        long mcpTools = eagerActions.stream().map(ToolCall::name).filter(mcpNames::contains).distinct().count();
        assertThat(mcpTools).isEqualTo(3);
        assertThat(deferred.searches()).isEqualTo(mcpTools);
        assertThat(deferred.turns()).hasSize(eager.turns().size() + (int) mcpTools);
    }

    @Test
    void deferred_window_shows_each_mcp_tools_schema_from_a_search_result_before_the_tool_is_called() {
        Map<String, ToolSpec> mcp = bench.catalog().deferred().stream()
                .collect(Collectors.toMap(Tool::name, Tool::spec));
        List<ToolBenchTurn> calls = deferred.turns().stream()
                .filter(ToolBenchTurn::isDeferredCall).toList();

        assertThat(calls).hasSize(4).allSatisfy(turn -> {
            ToolSpec spec = mcp.get(unwrapped(turn.call()).name());
            assertThat(turn.window().messages()).anySatisfy(message -> assertThat(searchResult(message))
                    .contains("## " + spec.name() + "\n" + spec.description() + "\nparameters: " + spec.parameters()));
        });
        assertThat(deferred.unseenToolCalls()).isZero();
        assertThat(deferred.turns().get(0).isSearch()).isTrue();
        assertThat(deferred.turns().get(0).searchResultTokens()).isZero();
        assertThat(deferred.turns().get(1).searchResultTokens()).isPositive();
    }

    @Test
    void figures_are_the_same_every_run() {
        ToolBench again = bench(TokenCounter.o200k());
        StrategyInfo hybrid = Strategies.named("hybrid");

        assertThat(again.run(ToolLoading.EAGER, TRANSCRIPT)).isEqualTo(eager);
        assertThat(again.run(ToolLoading.DEFERRED, TRANSCRIPT)).isEqualTo(deferred);
        assertThat(again.run(ToolLoading.DEFERRED, hybrid)).isEqualTo(bench.run(ToolLoading.DEFERRED, hybrid));
    }

    private static ToolCall unwrapped(ToolCall call) {
        if (!call.name().equals(ToolCatalog.CALL_TOOL)) {
            return call;
        }
        JsonNode args = call.parsedArguments();
        return new ToolCall(call.id(), args.path("name").asText(), args.path("arguments").toString());
    }

    private static String searchResult(Message message) {
        return message instanceof ToolResult result && result.toolName().equals(ToolCatalog.SEARCH_TOOL) ? result.content() : "";
    }

    private static String json(List<ToolSpec> tools) {
        try {
            return Json.mapper().writeValueAsString(tools);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
