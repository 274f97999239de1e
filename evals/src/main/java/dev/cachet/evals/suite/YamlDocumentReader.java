package dev.cachet.evals.suite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads YAML into a {@link YamlDocument}. Jackson's tree forgets where nodes came from, so containers are built here
 * from the token stream, noting each node's line; scalars are left to Jackson. Duplicate keys are refused rather
 * than silently overwritten.
 */
final class YamlDocumentReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path file;
    private final Map<JsonPointer, Integer> lines = new HashMap<>();

    private YamlDocumentReader(Path file) {
        this.file = file;
    }

    static YamlDocument read(Path file) {
        return new YamlDocumentReader(file).document();
    }

    private YamlDocument document() {
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            if (parser.nextToken() == null) {
                throw new SuiteFormatException(file + ":1: the file is empty");
            }
            JsonNode content = node(parser, JsonPointer.empty(), "");
            if (parser.nextToken() != null) {
                throw new SuiteFormatException(file + ":" + line(parser) + ": expected a single YAML document");
            }
            return new YamlDocument(file, content, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new SuiteFormatException(file + ":" + line + ": invalid YAML: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read suite " + file, e);
        }
    }

    /** Reads the node at the parser's current token; {@code path} is how messages name it. */
    private JsonNode node(JsonParser parser, JsonPointer pointer, String path) throws IOException {
        lines.putIfAbsent(pointer, line(parser));
        return switch (parser.currentToken()) {
            case START_OBJECT -> mapping(parser, pointer, path);
            case START_ARRAY -> list(parser, pointer, path);
            default -> YAML.readTree(parser);
        };
    }

    private ObjectNode mapping(JsonParser parser, JsonPointer pointer, String path) throws IOException {
        ObjectNode mapping = JsonNodeFactory.instance.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonPointer member = pointer.appendProperty(name);
            String memberPath = YamlNode.memberPath(path, name);
            if (mapping.has(name)) {
                throw new SuiteFormatException("%s:%d: %s: duplicate key, first at line %d"
                        .formatted(file, line(parser), memberPath, lines.get(member)));
            }
            lines.put(member, line(parser));
            parser.nextToken();
            mapping.set(name, node(parser, member, memberPath));
        }
        return mapping;
    }

    private ArrayNode list(JsonParser parser, JsonPointer pointer, String path) throws IOException {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int index = list.size();
            list.add(node(parser, pointer.appendIndex(index), YamlNode.elementPath(path, index)));
        }
        return list;
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
