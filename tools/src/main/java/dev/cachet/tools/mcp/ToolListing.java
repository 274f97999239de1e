package dev.cachet.tools.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolSpec;
import dev.langchain4j.mcp.client.McpCallContext;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.protocol.McpListToolsRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Asks a server for its tools over the raw protocol and keeps each tool's schema exactly as the server wrote it.
 *
 * <p>{@code McpClient.listTools()} would convert each schema to LangChain4j's model, which drops what that model
 * cannot hold (defaults, bounds, formats, {@code $defs}); it fails the whole list on one schema it does not
 * understand, and it waits for the answer without a timeout. Our requests use negative ids, which never meet
 * the client's own (counted up from 0).
 */
final class ToolListing {
    private ToolListing() {}

    /** All pages of the server's {@code tools/list}; a tool that cannot be offered is skipped with a warning. */
    static List<ToolSpec> fetch(McpTransport transport, String server, Duration timeout, Consumer<String> warnings)
            throws McpServerException {
        Map<String, ToolSpec> specs = new LinkedHashMap<>();
        Set<String> cursors = new HashSet<>();
        Optional<String> cursor = Optional.empty();
        long id = -1;
        do {
            JsonNode result = page(transport, server, id--, cursor, timeout);
            JsonNode tools = result.path("tools");
            if (!tools.isArray()) {
                throw new McpServerException("mcp server '" + server + "' answered tools/list without a tools array");
            }
            for (JsonNode tool : tools) {
                Optional<ToolSpec> spec = spec(server, tool, warnings);
                if (spec.isPresent() && specs.putIfAbsent(spec.get().name(), spec.get()) != null) {
                    warnings.accept("mcp tool '" + server + "/" + spec.get().name() + "' is listed twice; the first is kept");
                }
            }
            cursor = Optional.of(result.path("nextCursor").asText("")).filter(c -> !c.isEmpty());
        } while (cursor.isPresent() && cursors.add(cursor.get())); // a cursor seen before would loop forever
        return List.copyOf(specs.values());
    }

    /** One listed tool as cachet offers it, or empty (and a warning) when its name or schema is unusable. */
    static Optional<ToolSpec> spec(String server, JsonNode tool, Consumer<String> warnings) {
        String name = tool.path("name").asText("");
        if (name.isBlank()) {
            warnings.accept("mcp server '" + server + "' listed a tool without a name; skipped: " + tool);
            return Optional.empty();
        }
        JsonNode schema = tool.path("inputSchema");
        // MCP requires an object schema; it is also the only kind the model APIs take for a tool's arguments.
        if (!schema.isObject() || !"object".equals(schema.path("type").asText())) {
            warnings.accept("mcp tool '" + server + "/" + name
                    + "' skipped: its inputSchema is not a JSON object schema (\"type\": \"object\"): "
                    + (schema.isMissingNode() ? "none" : schema));
            return Optional.empty();
        }
        String description = tool.path("description").asText(tool.path("title").asText(""));
        return Optional.of(new ToolSpec(name, description, schema.deepCopy()));
    }

    private static JsonNode page(McpTransport transport, String server, long id, Optional<String> cursor,
            Duration timeout) throws McpServerException {
        McpListToolsRequest request = new McpListToolsRequest(id);
        cursor.ifPresent(request::setCursor);
        JsonNode response;
        try {
            response = transport.executeOperationWithResponse(new McpCallContext(null, request))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new McpServerException("mcp server '" + server + "' did not list its tools within "
                    + Describe.duration(timeout));
        } catch (ExecutionException e) {
            throw new McpServerException("mcp server '" + server + "' could not list its tools: "
                    + Describe.cause(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpServerException("mcp server '" + server + "': interrupted while listing its tools");
        }
        if (response.has("error")) {
            throw new McpServerException("mcp server '" + server + "' refused to list its tools: "
                    + response.path("error").path("message").asText(response.path("error").toString()));
        }
        return response.path("result");
    }
}
