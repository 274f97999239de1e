package dev.cachet.harness.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.harness.InputException;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.pricing.PriceTableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads cachet's YAML config files, lowest precedence first (the user's {@code ~/.config/cachet/config.yaml},
 * then {@code ./.cachet.yaml}), and the user's {@code ~/.config/cachet/prices.yaml}; missing files are skipped,
 * bad ones are errors naming the file and the key.
 */
public final class ConfigFiles {
    private static final Set<String> KEYS = Set.of("model", "base_url", "strategy", "strategies", "mcp_servers");

    private final List<Path> files;
    private final Optional<Path> prices;

    public ConfigFiles(List<Path> files, Optional<Path> prices) {
        this.files = List.copyOf(files);
        this.prices = prices;
    }

    public ConfigFiles(List<Path> files) {
        this(files, Optional.empty());
    }

    /** The usual places: the user's config, then the current directory's; the user's price file beside the config. */
    public static ConfigFiles standard() {
        Path home = Path.of(System.getProperty("user.home"), ".config", "cachet");
        return new ConfigFiles(List.of(home.resolve("config.yaml"), Path.of(".cachet.yaml")),
                Optional.of(home.resolve("prices.yaml")));
    }

    /** The bundled prices, with the user's price file on top when there is one. */
    public PriceTable prices() {
        PriceTable bundled = PriceTable.bundled();
        try {
            return prices.filter(Files::isRegularFile).map(bundled::overriddenBy).orElse(bundled);
        } catch (PriceTableException e) {
            throw new InputException(e.getMessage());
        }
    }

    public Config load() {
        Config config = Config.EMPTY;
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                config = config.overriddenBy(read(file));
            }
        }
        return config;
    }

    static Config read(Path file) {
        // Made here, not in a static field: building a YAML mapper costs --help a third of a second.
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Config.EMPTY;
        }
        if (!root.isObject()) {
            throw new InputException(file + ": expected a mapping with the keys model, base_url, strategy, strategies and mcp_servers");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new InputException(file + ": unknown key '" + name + "'; known keys: model, base_url, strategy, strategies");
            }
        }
        Config config = new Config(text(file, root, "strategy", "a strategy name"), strategies(file, root.path("strategies")),
                text(file, root, "model", "a model like anthropic:claude-sonnet-4-6"), text(file, root, "base_url", "a URL"),
                McpServerConfigs.read(file, root.path("mcp_servers")));
        check(file, config);
        return config;
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
}
