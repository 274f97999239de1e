package dev.cachet.harness.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.Utf8Position;
import dev.cachet.harness.InputException;
import dev.cachet.tools.sandbox.SandboxMode;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one config file. From a file the user has not trusted, only harmless keys apply: a key that picks where
 * requests (and so API keys) go, starts programs, sets variables or loosens the sandbox is left out with a warning
 * naming the file and the key, and the rest of the file still applies.
 */
final class ConfigFileReader {
    static final List<String> KEYS = List.of("model", "base_url", "strategy", "strategies", "mcp_servers", "env",
            "sandbox", "allow_env", "allow_network");
    static final List<String> NEED_TRUST = List.of("model", "base_url", "mcp_servers", "env", "sandbox", "allow_env",
            "allow_network");

    private ConfigFileReader() {}

    /** @param trusted whether the user wrote or trusted the file; warnings get one line per key left out */
    static Config read(Path file, boolean trusted, Consumer<String> warnings) {
        JsonNode root = parse(file);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Config.EMPTY;
        }
        if (!root.isObject()) {
            throw new InputException(file + ": expected a mapping with the keys " + String.join(", ", KEYS));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new InputException(file + ": unknown key '" + name + "'; known keys: " + String.join(", ", KEYS));
            }
        }
        if (!trusted) {
            leaveOutWhatNeedsTrust(file, (ObjectNode) root, warnings);
        }
        Config config = new Config(text(file, root, "strategy", "a strategy name"), strategies(file, root.path("strategies")),
                text(file, root, "model", "a model like anthropic:claude-sonnet-4-6"), text(file, root, "base_url", "a URL"),
                McpServerConfigs.read(file, root.path("mcp_servers")), env(file, root.path("env")), sandbox(file, root));
        check(file, config);
        return config;
    }

    private static JsonNode parse(Path file) {
        // Made here, not in a static field: building a YAML mapper costs --help a third of a second.
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try {
            return yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(notUtf8(e) ? Utf8Position.firstIn(file).map(at -> at.describe(file))
                    .orElse(file + ": not UTF-8") : file + syntaxError(e));
        }
    }

    // Jackson and SnakeYAML wrap the decoder's complaint, which counts bytes their own way.
    private static boolean notUtf8(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharConversionException) {
                return true;
            }
        }
        return false;
    }

    /** {@code :LINE: not valid YAML: PROBLEM}, from SnakeYAML's own account where it gives one. */
    private static String syntaxError(IOException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return ":" + (marked.getProblemMark().getLine() + 1) + ": not valid YAML: " + marked.getProblem();
        }
        String line = e instanceof JsonProcessingException json && json.getLocation() != null
                ? ":" + json.getLocation().getLineNr() : "";
        return line + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse("");
    }

    private static void leaveOutWhatNeedsTrust(Path file, ObjectNode root, Consumer<String> warnings) {
        for (String key : NEED_TRUST) {
            if (root.remove(key) != null) {
                warnings.accept(file + ": '" + key + "' ignored: " + file.toAbsolutePath().getParent()
                        + " is not trusted (trust it with 'cachet trust')");
            }
        }
    }

    // Names and parameters are checked here, so the error names the file they came from.
    private static void check(Path file, Config config) {
        try {
            config.strategy().ifPresent(Strategies::named);
            config.strategies().forEach((name, params) -> Strategies.named(name).configure(params));
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    private static Optional<String> text(Path file, JsonNode root, String key, String expected) {
        JsonNode value = root.path(key);
        if (!isEmpty(value) && !value.isTextual()) {
            throw new InputException(file + ": '" + key + "' must be " + expected);
        }
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** A key written with nothing after it, as when every entry under it is commented out. */
    private static boolean isEmpty(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static Map<String, Map<String, Integer>> strategies(Path file, JsonNode node) {
        Map<String, Map<String, Integer>> strategies = new HashMap<>();
        if (isEmpty(node)) {
            return strategies;
        }
        if (!node.isObject()) {
            throw new InputException(file + ": 'strategies' must map strategy names to their parameters");
        }
        node.fields().forEachRemaining(strategy -> {
            Map<String, Integer> params = new HashMap<>();
            if (isEmpty(strategy.getValue())) {
                strategies.put(strategy.getKey(), params);
                return;
            }
            if (!strategy.getValue().isObject()) {
                throw new InputException(file + ": strategies." + strategy.getKey() + " must map parameter names to numbers");
            }
            strategy.getValue().fields().forEachRemaining(param -> {
                if (!param.getValue().canConvertToInt() || !param.getValue().isIntegralNumber()) {
                    throw new InputException(file + ": strategies." + strategy.getKey() + "." + param.getKey()
                            + " must be a whole number, got " + param.getValue());
                }
                params.put(param.getKey(), param.getValue().asInt());
            });
            strategies.put(strategy.getKey(), params);
        });
        return strategies;
    }

    private static Map<String, String> env(Path file, JsonNode node) {
        Map<String, String> variables = new HashMap<>();
        if (isEmpty(node)) {
            return variables;
        }
        if (!node.isObject()) {
            throw new InputException(file + ": 'env' must map variable names to values");
        }
        node.fields().forEachRemaining(variable -> {
            if (!variable.getValue().isValueNode() || variable.getValue().isNull()) {
                throw new InputException(file + ": env." + variable.getKey() + " must be a text, number or true/false");
            }
            variables.put(variable.getKey(), variable.getValue().asText());
        });
        return variables;
    }

    private static SandboxSettings sandbox(Path file, JsonNode root) {
        Optional<SandboxMode> mode;
        try {
            mode = text(file, root, "sandbox", "a sandbox mode").map(SandboxMode::parse);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": 'sandbox': " + e.getMessage());
        }
        JsonNode network = root.path("allow_network");
        if (!isEmpty(network) && !network.isBoolean()) {
            throw new InputException(file + ": 'allow_network' must be true or false");
        }
        return new SandboxSettings(mode, network.isBoolean() ? Optional.of(network.asBoolean()) : Optional.empty(),
                names(file, root.path("allow_env")));
    }

    private static List<String> names(Path file, JsonNode node) {
        List<String> names = new ArrayList<>();
        if (isEmpty(node)) {
            return names;
        }
        if (!node.isArray()) {
            throw new InputException(file + ": 'allow_env' must be a list of variable names");
        }
        for (JsonNode name : node) {
            if (!name.isTextual() || name.asText().isBlank()) {
                throw new InputException(file + ": 'allow_env' must be a list of variable names, got " + name);
            }
            names.add(name.asText());
        }
        return names;
    }
}
