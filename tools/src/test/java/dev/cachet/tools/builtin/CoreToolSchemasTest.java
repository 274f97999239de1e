package dev.cachet.tools.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.ToolBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The core schemas go out in the tools array of every request, so they are kept short; short must not mean
 * unusable: each description still says when to call its tool, and every required argument is described.
 */
class CoreToolSchemasTest {
    private static final int BUDGET_TOKENS = 600;

    /** Words each description must keep: what the tool is for, and the rule the model would otherwise break. */
    private static final Map<String, List<String>> WHEN_TO_USE = Map.of(
            "read_file", List.of("read", "line"),
            "list_files", List.of("find files", "glob"),
            "grep", List.of("search", "regex"),
            "edit_file", List.of("change", "exactly once"),
            "write_file", List.of("new file", "whole"),
            "run_command", List.of("shell", "tests"),
            "git_status", List.of("changed files"),
            "git_diff", List.of("diff"),
            "update_task_state", List.of("plan", "dropped"),
            "finish", List.of("done"));

    private final TokenCounter counter = TokenCounter.o200k();
    // The specs the harness puts in every window, and so the ones the providers send.
    private final List<ToolSpec> specs = ToolBox.core().specs();

    @Test
    void the_core_schemas_together_cost_at_most_the_budget_on_every_request() {
        int total = specs.stream().mapToInt(counter::count).sum();

        assertThat(specs).hasSize(WHEN_TO_USE.size());
        assertThat(total).as("core schema tokens:%n%s", costs()).isLessThanOrEqualTo(BUDGET_TOKENS);
    }

    @TestFactory
    Stream<DynamicTest> each_description_says_when_to_use_its_tool() {
        assertThat(specs).extracting(ToolSpec::name).containsExactlyInAnyOrderElementsOf(WHEN_TO_USE.keySet());
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.name(), () ->
                assertThat(spec.description().toLowerCase()).as(spec.name()).isNotBlank()
                        .contains(WHEN_TO_USE.get(spec.name()))));
    }

    @TestFactory
    Stream<DynamicTest> every_required_argument_is_described_or_an_enum() {
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.name(), () ->
                assertThat(undescribedRequired(spec.parameters(), "")).as(spec.name()).isEmpty()));
    }

    /**
     * Required properties without a description, at any depth (the items of an array of objects too); an enum
     * describes itself, since it lists every value the property takes.
     */
    private static List<String> undescribedRequired(JsonNode schema, String at) {
        List<String> missing = new ArrayList<>();
        for (JsonNode name : schema.path("required")) {
            JsonNode property = schema.path("properties").path(name.asText());
            if (property.path("description").asText().isBlank() && !property.has("enum")) {
                missing.add(at + name.asText());
            }
        }
        schema.path("properties").fields().forEachRemaining(p ->
                missing.addAll(undescribedRequired(p.getValue(), at + p.getKey() + ".")));
        if (schema.has("items")) {
            missing.addAll(undescribedRequired(schema.get("items"), at + "[]."));
        }
        return missing;
    }

    private String costs() {
        return specs.stream().map(spec -> String.format("%-18s %4d", spec.name(), counter.count(spec)))
                .collect(Collectors.joining("\n"));
    }
}
