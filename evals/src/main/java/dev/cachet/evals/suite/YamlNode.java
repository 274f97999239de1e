package dev.cachet.evals.suite;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A node of a {@link YamlDocument} with its path as messages name it ({@code tasks[1].prompt}). A field that is not
 * written is a {@link com.fasterxml.jackson.databind.node.MissingNode}; reading it as a value is an error, so required
 * fields are plain reads and optional ones go through {@link #optional}.
 */
record YamlNode(YamlDocument document, JsonPointer pointer, String path, JsonNode value) {

    static String memberPath(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String elementPath(String parent, int index) {
        return parent + "[" + index + "]";
    }

    YamlNode field(String name) {
        return new YamlNode(document, pointer.appendProperty(name), memberPath(path, name), value.path(name));
    }

    int line() {
        return document.line(pointer);
    }

    SuiteFormatException error(String message) {
        String where = path.isEmpty() ? "" : path + ": ";
        return new SuiteFormatException(document.file() + ":" + line() + ": " + where + message);
    }

    <T> Optional<T> optional(Function<YamlNode, T> read) {
        return value.isMissingNode() ? Optional.empty() : Optional.of(read.apply(this));
    }

    /** Checks that this is a mapping whose keys are all known: a misspelt key must not pass as an absent one. */
    YamlNode mapping(Collection<String> known) {
        requireType(value.isObject(), "a mapping");
        for (var member : value.properties()) {
            String name = member.getKey();
            if (!known.contains(name)) {
                throw field(name).error("unknown field");
            }
        }
        return this;
    }

    List<YamlNode> list() {
        requireType(value.isArray(), "a list");
        return IntStream.range(0, value.size())
                .mapToObj(i -> new YamlNode(document, pointer.appendIndex(i), elementPath(path, i), value.get(i)))
                .toList();
    }

    String text() {
        requireType(value.isTextual(), "a string");
        if (value.asText().isBlank()) {
            throw error("must not be blank");
        }
        return value.asText();
    }

    /** A string in a fixed format; anything else, a number included, is reported as not matching it. */
    String text(Pattern format, String expected) {
        requirePresent();
        if (!value.isTextual() || !format.matcher(value.asText()).matches()) {
            throw error("expected " + expected + ", got " + describe());
        }
        return value.asText();
    }

    int positiveInt() {
        requirePresent();
        if (!value.isIntegralNumber() || value.bigIntegerValue().signum() <= 0) {
            throw error("expected an integer >= 1, got " + describe());
        }
        if (!value.canConvertToInt()) {
            throw error("must be at most " + Integer.MAX_VALUE);
        }
        return value.intValue();
    }

    double positiveNumber() {
        requirePresent();
        if (!value.isNumber() || !(value.doubleValue() > 0)) {
            throw error("expected a number > 0, got " + describe());
        }
        return value.doubleValue();
    }

    boolean bool() {
        requireType(value.isBoolean(), "true or false");
        return value.booleanValue();
    }

    private void requireType(boolean matches, String expected) {
        requirePresent();
        if (!matches) {
            throw error("expected " + expected + ", got " + describe());
        }
    }

    private void requirePresent() {
        if (value.isMissingNode()) {
            throw error("missing required field");
        }
    }

    private String describe() {
        if (value.isObject()) {
            return "a mapping";
        }
        // Strings come out quoted and escaped, so the message stays on one line.
        return value.isArray() ? "a list" : value.toString();
    }
}
