package dev.cachet.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the JSON schemas of cachet's tool specs into LangChain4j's schema model. */
final class JsonSchemas {
    private JsonSchemas() {}

    static JsonObjectSchema object(JsonNode schema) {
        JsonObjectSchema.Builder builder = JsonObjectSchema.builder();
        description(schema).ifPresent(builder::description);
        schema.path("properties").fields().forEachRemaining(p -> builder.addProperty(p.getKey(), element(p.getValue())));
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        if (!required.isEmpty()) {
            builder.required(required);
        }
        return builder.build();
    }

    private static JsonSchemaElement element(JsonNode schema) {
        String description = description(schema).orElse(null);
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asText()));
            return JsonEnumSchema.builder().enumValues(values).description(description).build();
        }
        return switch (schema.path("type").asText("string")) {
            case "object" -> object(schema);
            case "array" -> JsonArraySchema.builder().items(element(schema.path("items"))).description(description).build();
            case "integer" -> JsonIntegerSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description).build();
            default -> JsonStringSchema.builder().description(description).build();
        };
    }

    private static Optional<String> description(JsonNode schema) {
        return schema.hasNonNull("description") ? Optional.of(schema.get("description").asText()) : Optional.empty();
    }
}
