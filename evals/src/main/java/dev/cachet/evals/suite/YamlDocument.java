package dev.cachet.evals.suite;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/** A YAML file read into a Jackson tree, with the line each node was written on (a mapping member: its key's). */
record YamlDocument(Path file, JsonNode content, Map<JsonPointer, Integer> lines) {
    YamlDocument {
        lines = Map.copyOf(lines);
    }

    YamlNode root() {
        return new YamlNode(this, JsonPointer.empty(), "", content);
    }

    /** The line of the node, or of its nearest written ancestor: a missing field is reported where its mapping is. */
    int line(JsonPointer pointer) {
        for (JsonPointer p = pointer; p != null; p = p.head()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
        }
        return 1;
    }
}
