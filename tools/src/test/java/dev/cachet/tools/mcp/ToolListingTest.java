package dev.cachet.tools.mcp;

import static org.assertj.core.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolListingTest {
    private final List<String> warnings = new ArrayList<>();

    private Optional<ToolSpec> spec(String json) throws Exception {
        return ToolListing.spec("srv", Json.mapper().readTree(json), warnings::add);
    }

    @Test
    void keeps_the_schema_exactly_as_the_server_wrote_it() throws Exception {
        String schema = "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"minimum\":1,\"default\":5}},"
                + "\"$defs\":{\"x\":{\"type\":\"string\"}},\"additionalProperties\":false}";

        ToolSpec spec = spec("{\"name\":\"count\",\"description\":\"Counts\",\"inputSchema\":" + schema + "}").orElseThrow();

        assertThat(spec).isEqualTo(new ToolSpec("count", "Counts", Json.mapper().readTree(schema)));
        assertThat(warnings).isEmpty();
    }

    @Test
    void a_tool_without_a_description_is_described_by_its_title_or_not_at_all() throws Exception {
        JsonNode schema = Json.mapper().readTree("{\"type\":\"object\"}");

        assertThat(spec("{\"name\":\"a\",\"title\":\"The A\",\"inputSchema\":{\"type\":\"object\"}}"))
                .contains(new ToolSpec("a", "The A", schema));
        assertThat(spec("{\"name\":\"b\",\"inputSchema\":{\"type\":\"object\"}}")).contains(new ToolSpec("b", "", schema));
    }

    @Test
    void skips_a_tool_whose_schema_is_not_an_object_schema_with_a_warning_naming_it() throws Exception {
        assertThat(spec("{\"name\":\"odd\",\"inputSchema\":{\"type\":\"string\"}}")).isEmpty();
        assertThat(spec("{\"name\":\"none\"}")).isEmpty();

        assertThat(warnings).containsExactly(
                "mcp tool 'srv/odd' skipped: its inputSchema is not a JSON object schema (\"type\": \"object\"): {\"type\":\"string\"}",
                "mcp tool 'srv/none' skipped: its inputSchema is not a JSON object schema (\"type\": \"object\"): none");
    }

    @Test
    void skips_a_tool_without_a_name() throws Exception {
        assertThat(spec("{\"inputSchema\":{\"type\":\"object\"}}")).isEmpty();

        assertThat(warnings).containsExactly(
                "mcp server 'srv' listed a tool without a name; skipped: {\"inputSchema\":{\"type\":\"object\"}}");
    }
}
