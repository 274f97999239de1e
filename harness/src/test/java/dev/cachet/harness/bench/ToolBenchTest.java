package dev.cachet.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ToolBenchTest {
    private static final StrategyInfo TRANSCRIPT = Strategies.named(TranscriptStrategy.NAME);
    private static final List<ToolSpec> CORE = ToolBox.core().specs();

    private final TokenCounter counter = TokenCounter.o200k();

    /** One tool set's bench and its two transcript sessions. */
    private record Played(ToolBench bench, ToolBenchRun eager, ToolBenchRun deferred) {
        static Played of(String set, TokenCounter counter) {
            ToolBench bench = ToolBenchTest.bench(set, counter);
            return new Played(bench, bench.run(ToolLoading.EAGER, TRANSCRIPT),
                    bench.run(ToolLoading.DEFERRED, TRANSCRIPT));
        }
    }

    private static ToolBench bench(String set, TokenCounter counter) {
        return new ToolBench(counter, "You are a coding agent.", CORE, McpToolSet.named(set),
                PriceTable.bundled().price(ToolBench.MODEL).orElseThrow());
    }

    static List<String> sets() {
        return McpToolSet.NAMES;
    }

    @Test
    void forty_synthetic_mcp_tools_of_four_servers_cost_what_real_ones_do() {
        McpToolSet synthetic = McpToolSet.named(McpToolSet.SYNTHETIC);

        assertThat(synthetic.tools()).hasSize(40);
        assertThat(synthetic.servers()).hasSize(4);
        assertThat(synthetic.tools())
                .allSatisfy(tool -> assertThat(counter.count(tool.spec())).as(tool.name()).isBetween(100, 400));
    }

    @Test
    void the_github_set_is_ninety_distinct_tools_of_one_server_with_object_schemas_whose_required_arguments_exist() {
        McpToolSet github = McpToolSet.named(McpToolSet.GITHUB);

        assertThat(github.tools()).hasSize(90).extracting(Tool::name).doesNotHaveDuplicates()
                .contains("create_issue", "list_pull_requests", "get_file_contents", "search_code");
        assertThat(github.servers()).containsExactly("github");
        assertThat(github.tools()).allSatisfy(tool -> {
            JsonNode schema = tool.spec().parameters();
            assertThat(schema.path("type").asText()).as(tool.name()).isEqualTo("object");
            assertThat(tool.spec().description()).as(tool.name()).isNotBlank();
            schema.path("required").forEach(name ->
                    assertThat(schema.path("properties").has(name.asText())).as(tool.name() + " " + name).isTrue());
        });
    }

    @Test
    void the_github_set_costs_what_the_real_server_does_per_tool_and_in_all() {
        IntSummaryStatistics tokens = McpToolSet.named(McpToolSet.GITHUB).tools().stream()
                .mapToInt(tool -> counter.count(tool.spec())).summaryStatistics();

        assertThat(tokens.getMin()).isGreaterThanOrEqualTo(40);
        assertThat(tokens.getMax()).isLessThanOrEqualTo(800);
        assertThat(tokens.getAverage()).isBetween(100.0, 250.0);
    }

    @Test
    void an_unknown_set_is_refused_with_the_names_there_are() {
        assertThatThrownBy(() -> McpToolSet.named("gitlab")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'gitlab' is not a tool set; expected synthetic or github");
    }

    @ParameterizedTest
    @MethodSource("sets")
    void eager_tools_array_holds_every_schema_and_never_changes(String set) {
        Played played = Played.of(set, counter);
        ToolCatalog catalog = played.bench().catalog();

        assertThat(played.eager().turns()).hasSize(played.bench().actions())
                .allSatisfy(turn -> assertThat(turn.window().tools()).isEqualTo(catalog.allSpecs()));
        assertThat(catalog.allSpecs()).hasSize(CORE.size() + played.bench().mcp().tools().size());
    }

    @ParameterizedTest
    @MethodSource("sets")
    void deferred_tools_array_is_core_and_the_meta_tools_byte_identical_every_turn(String set) {
        ToolBenchRun deferred = Played.of(set, counter).deferred();
        List<String> expected = new ArrayList<>(CORE.stream().map(ToolSpec::name).toList());
        expected.addAll(List.of(ToolCatalog.SEARCH_TOOL, ToolCatalog.CALL_TOOL));
        String first = json(deferred.turns().get(0).window().tools());

        assertThat(deferred.turns()).allSatisfy(turn -> {
            assertThat(turn.window().tools()).extracting(ToolSpec::name).isEqualTo(expected);
            assertThat(json(turn.window().tools())).isEqualTo(first);
        });
    }

    @ParameterizedTest
    @MethodSource("sets")
    void both_sessions_do_the_same_actions_in_the_same_order_and_deferred_searches_once_per_mcp_tool(String set) {
        Played played = Played.of(set, counter);
        List<ToolCall> eagerActions = played.eager().turns().stream().map(ToolBenchTurn::call).toList();
        List<ToolCall> deferredActions = played.deferred().turns().stream().filter(turn -> !turn.isSearch())
                .map(turn -> unwrapped(turn.call())).toList();

        assertThat(deferredActions).extracting(ToolCall::name).isEqualTo(eagerActions.stream().map(ToolCall::name).toList());
        assertThat(deferredActions).extracting(ToolCall::parsedArguments)
                .isEqualTo(eagerActions.stream().map(ToolCall::parsedArguments).toList());
        assertThat(eagerActions).hasSize(30).extracting(ToolCall::name).contains("read_file", "edit_file", "run_command");
        List<String> mcpNames = played.bench().catalog().deferred().stream().map(Tool::name).toList();
        long mcpTools = eagerActions.stream().map(ToolCall::name).filter(mcpNames::contains).distinct().count();
        assertThat(mcpTools).isEqualTo(3);
        assertThat(played.deferred().searches()).isEqualTo(mcpTools);
        assertThat(played.deferred().turns()).hasSize(eagerActions.size() + (int) mcpTools);
    }

    @ParameterizedTest
    @MethodSource("sets")
    void deferred_window_shows_each_mcp_tools_schema_from_a_search_result_before_the_tool_is_called(String set) {
        Played played = Played.of(set, counter);
        ToolBenchRun deferred = played.deferred();
        Map<String, ToolSpec> mcp = played.bench().catalog().deferred().stream()
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

    @ParameterizedTest
    @MethodSource("sets")
    void deferred_loading_sends_fewer_schema_tokens_and_costs_less(String set) {
        Played played = Played.of(set, counter);
        ToolBenchComparison comparison = new ToolBenchComparison(played.eager(), played.deferred());

        assertThat(comparison.schemaRatio()).isLessThan(0.5);
        assertThat(comparison.costRatio()).isLessThan(1);
    }

    @Test
    void with_a_github_sized_server_deferred_loading_meets_the_goal() {
        Played played = Played.of(McpToolSet.GITHUB, counter);
        ToolBenchComparison comparison = new ToolBenchComparison(played.eager(), played.deferred());

        assertThat(comparison.meetsGoal()).as("%.2fx", comparison.schemaRatio()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("sets")
    void figures_are_the_same_every_run(String set) {
        Played played = Played.of(set, counter);
        ToolBench again = bench(set, TokenCounter.o200k());
        StrategyInfo hybrid = Strategies.named("hybrid");

        assertThat(again.run(ToolLoading.EAGER, TRANSCRIPT)).isEqualTo(played.eager());
        assertThat(again.run(ToolLoading.DEFERRED, TRANSCRIPT)).isEqualTo(played.deferred());
        assertThat(again.run(ToolLoading.DEFERRED, hybrid)).isEqualTo(played.bench().run(ToolLoading.DEFERRED, hybrid));
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
