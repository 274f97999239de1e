package dev.cachet.tools.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.Schema;
import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolEffect;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.ToolTesting;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolCatalogTest {
    @TempDir
    Path workspace;

    /** A deferred tool that echoes its arguments, standing in for an MCP server's tool. */
    record Echo(String name, String description) implements Tool {
        @Override
        public ToolSpec spec() {
            return new ToolSpec(name, description, Schema.object().string("text", "what to echo", true).build());
        }

        @Override
        public ToolOutput execute(JsonNode args, ToolContext context) {
            return ToolOutput.ok(name + " says " + args.path("text").asText());
        }
    }

    private static final Tool CORE = new Echo("read_file", "Read a file");
    private static final List<Tool> DEFERRED = List.of(
            new Echo("create_issue", "Create a GitHub issue in a repository"),
            new Echo("list_issues", "List the issues of a GitHub repository"),
            new Echo("query_database", "Run a read-only SQL query"));

    private final ToolCatalog catalog = new ToolCatalog(List.of(CORE), DEFERRED);

    private ToolOutput run(ToolBox box, String tool, String arguments) {
        return box.execute(new ToolCall("c1", tool, arguments), ToolTesting.context(workspace));
    }

    @Test
    void deferred_loading_offers_core_tools_and_the_two_meta_tools_only() {
        assertThat(catalog.toolBox(ToolLoading.DEFERRED).specs()).extracting(ToolSpec::name)
                .containsExactly("read_file", "tool_search", "call_tool");
    }

    @Test
    void searching_changes_nothing_and_calling_a_deferred_tool_may_change_anything() {
        assertThat(catalog.toolBox(ToolLoading.DEFERRED).effect("tool_search")).isEqualTo(ToolEffect.NONE);
        assertThat(catalog.toolBox(ToolLoading.DEFERRED).effect("call_tool")).isEqualTo(ToolEffect.PROCESSES);
    }

    @Test
    void eager_loading_offers_every_schema() {
        assertThat(catalog.toolBox(ToolLoading.EAGER).specs()).extracting(ToolSpec::name)
                .containsExactly("read_file", "create_issue", "list_issues", "query_database");
    }

    @Test
    void without_deferred_tools_there_is_nothing_to_search() {
        assertThat(new ToolCatalog(List.of(CORE), List.of()).toolBox(ToolLoading.DEFERRED).specs())
                .extracting(ToolSpec::name).containsExactly("read_file");
    }

    @Test
    void search_returns_the_best_match_with_its_schema_and_names_the_others() {
        ToolOutput found = run(catalog.toolBox(ToolLoading.DEFERRED), "tool_search", "{\"query\":\"github issues\"}");

        assertThat(found.error()).isFalse();
        assertThat(found.carriesSchema()).as("a found schema is flagged for the strategies to keep").isTrue();
        // Both words match list_issues' description, so it ranks first and alone brings its schema.
        assertThat(found.content()).startsWith("## list_issues\nList the issues of a GitHub repository\nparameters: {")
                .contains("- create_issue: Create a GitHub issue in a repository")
                .doesNotContain("## create_issue", "query_database");
        assertThat(found.content().split("parameters:", -1)).hasSize(2);
    }

    @Test
    void searching_a_tool_by_its_exact_name_brings_its_schema() {
        ToolOutput found = run(catalog.toolBox(ToolLoading.DEFERRED), "tool_search", "{\"query\":\"create_issue\"}");

        assertThat(found.content()).startsWith("## create_issue\n");
    }

    @Test
    void a_search_without_matches_names_what_exists() {
        ToolOutput found = run(catalog.toolBox(ToolLoading.DEFERRED), "tool_search", "{\"query\":\"kubernetes\"}");

        assertThat(found.content()).contains("no tools match", "create_issue", "list_issues", "query_database");
        assertThat(found.carriesSchema()).isFalse();
    }

    @Test
    void call_tool_runs_a_deferred_tool_with_its_arguments() {
        ToolOutput output = run(catalog.toolBox(ToolLoading.DEFERRED), "call_tool",
                "{\"name\":\"create_issue\",\"arguments\":{\"text\":\"hello\"}}");

        assertThat(output).isEqualTo(ToolOutput.ok("create_issue says hello"));
    }

    @Test
    void call_tool_refuses_unknown_tools_and_arguments_that_are_not_objects() {
        ToolBox box = catalog.toolBox(ToolLoading.DEFERRED);

        assertThat(run(box, "call_tool", "{\"name\":\"delete_everything\"}").content())
                .contains("no tool named 'delete_everything'", "tool_search");
        assertThat(run(box, "call_tool", "{\"name\":\"create_issue\",\"arguments\":\"text\"}").content())
                .contains("'arguments' must be a JSON object");
    }

    @Test
    void the_offered_schemas_do_not_change_whatever_the_model_loads() {
        ToolBox box = catalog.toolBox(ToolLoading.DEFERRED);
        List<ToolSpec> before = box.specs();

        run(box, "tool_search", "{\"query\":\"issue\"}");
        run(box, "call_tool", "{\"name\":\"list_issues\",\"arguments\":{\"text\":\"x\"}}");

        assertThat(box.specs()).isEqualTo(before);
    }
}
