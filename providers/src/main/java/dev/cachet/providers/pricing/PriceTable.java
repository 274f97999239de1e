package dev.cachet.providers.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model prices, read from the bundled {@code prices.yaml}; a downloaded LiteLLM price list and a user's file in the
 * bundled format lie on top, in that order. A lookup asks the topmost table first, by the exact name and then by the
 * model's other names ({@link ModelNames}), so a newer list's price wins over the bundled one for the same model.
 */
public final class PriceTable {
    private static final String BUNDLED = "/dev/cachet/providers/pricing/prices.yaml";
    private static final List<String> FIELDS = List.of("input", "output", "cache_write_5m", "cache_write_1h", "cache_read");
    private static final Pattern ABOVE = Pattern.compile("above_([1-9]\\d{0,5})k");
    /** What a model's name ends with where fast mode served the call ({@link ModelNames}). */
    public static final String FAST = "-fast";
    /** What a model's name ends with where the call was served in the US alone, and what that adds to its prices. */
    public static final String US_ONLY = "@us";
    private static final double US_ONLY_PREMIUM = 1.1;
    /** What Bedrock's regional endpoints of Claude Sonnet 4.5 and later models add to the global one's prices. */
    private static final double REGIONAL_PREMIUM = 1.1;

    private final String pricesAsOf;
    /** Topmost first. */
    private final List<Layer> layers;

    PriceTable(String pricesAsOf, Map<String, ModelPrice> prices) {
        this(pricesAsOf, List.of(new Layer(prices)));
    }

    private PriceTable(String pricesAsOf, List<Layer> layers) {
        this.pricesAsOf = pricesAsOf;
        this.layers = List.copyOf(layers);
    }

    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the cachet jar has no price table " + BUNDLED);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled price table " + BUNDLED, e);
        }
    }

    static PriceTable read(InputStream yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        Map<String, ModelPrice> prices = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("models").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            prices.put(entry.getKey(), price(entry.getKey(), entry.getValue()));
        }
        return new PriceTable(root.path("prices_as_of").asText(), prices);
    }

    /**
     * A model's five prices, each a number: a price left out must not silently become zero, and a field of another
     * name is a misspelling. A tier for long prompts is one more field, {@code above_200k} for prompts of more than
     * 200,000 tokens, holding five prices of its own. Read by hand rather than bound to the record, which costs a cold
     * JVM a tenth of a second.
     */
    private static ModelPrice price(String model, JsonNode prices) throws IOException {
        ModelPrice price = flatPrice(model, prices, true);
        Optional<ModelPrice.LongContext> tier = Optional.empty();
        for (Iterator<Map.Entry<String, JsonNode>> fields = prices.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Matcher above = ABOVE.matcher(field.getKey());
            if (!above.matches()) {
                continue;
            }
            if (tier.isPresent()) {
                throw new IOException("model " + model + ": more than one tier of longer prompts");
            }
            if (!field.getValue().isObject()) {
                throw new IOException("model " + model + ": '" + field.getKey() + "' is not the five prices of longer "
                        + "prompts: " + field.getValue());
            }
            tier = Optional.of(new ModelPrice.LongContext(Long.parseLong(above.group(1)) * 1_000,
                    flatPrice(model + " " + field.getKey(), field.getValue(), false)));
        }
        return tier.map(longer -> price.above(longer.aboveTokens(), longer.price())).orElse(price);
    }

    /** Five prices, each a number, with one tier of longer prompts among them where {@code tiered}. */
    private static ModelPrice flatPrice(String model, JsonNode prices, boolean tiered) throws IOException {
        ModelPrice price = new ModelPrice(number(model, prices, "input"), number(model, prices, "output"),
                number(model, prices, "cache_write_5m"), number(model, prices, "cache_write_1h"),
                number(model, prices, "cache_read"));
        for (Iterator<String> names = prices.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name) && !(tiered && ABOVE.matcher(name).matches())) {
                throw new IOException("model " + model + ": unknown price '" + name + "' (known: "
                        + String.join(", ", FIELDS) + (tiered ? ", above_<N>k for prompts of more than N thousand "
                        + "tokens" : "") + ")");
            }
        }
        return price;
    }

    private static double number(String model, JsonNode prices, String field) throws IOException {
        JsonNode value = prices.path(field);
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            // A quoted price ("3.00") was read as a number when prices were bound to a record: it still is.
            try {
                return Double.parseDouble(value.textValue().strip());
            } catch (NumberFormatException e) {
                // named below
            }
        }
        throw new IOException("model " + model + ": '" + field + "' " + (value.isMissingNode() || value.isNull()
                ? "is missing" : "is not a number: " + value));
    }

    /**
     * This table with the models of a user's price file on top.
     *
     * @throws PriceTableException naming the file when it cannot be read or a model's prices are incomplete
     */
    public PriceTable overriddenBy(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            PriceTable user = read(in);
            return on(user.pricesAsOf.isEmpty() ? pricesAsOf : user.pricesAsOf, user.layers.get(0));
        } catch (IOException e) {
            throw new PriceTableException(file + ": " + e.getMessage().lines().findFirst().orElse("cannot be read"), e);
        }
    }

    /**
     * This table with a LiteLLM price list ({@link LiteLlmPrices}) on top, dated by when the file was written.
     *
     * @throws PriceTableException naming the file when it cannot be read or is not a whole price list
     */
    public PriceTable overriddenByLiteLlm(Path file, int minModels) {
        try {
            Map<String, ModelPrice> prices =
                    LiteLlmPrices.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), minModels);
            LocalDate written = LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC);
            return on(written.toString(), new Layer(prices));
        } catch (IOException e) {
            throw new PriceTableException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private PriceTable on(String asOf, Layer top) {
        List<Layer> stacked = new ArrayList<>();
        stacked.add(top);
        stacked.addAll(layers);
        return new PriceTable(asOf, stacked);
    }

    public String pricesAsOf() {
        return pricesAsOf;
    }

    /**
     * The price of a model by the name a provider or a log gives it: exactly, else by its other names
     * ({@link ModelNames}), such as without a router's prefix ({@code openai/gpt-5}) or a snapshot date
     * ({@code claude-haiku-4-5-20251001}), which bill as the model. A call Anthropic served in the US alone (a
     * response's {@code usage.inference_geo} "us", read as the model with {@code @us}) bills every price a tenth more
     * (Anthropic's data residency pricing, for every model that takes the setting); so does one to a Bedrock regional
     * endpoint of Claude Sonnet 4.5 or a later model ({@code us.anthropic.claude-sonnet-4-5-...}, not {@code global.}).
     */
    public Optional<ModelPrice> price(String model) {
        if (model.endsWith(US_ONLY) && model.length() > US_ONLY.length()) {
            String served = model.substring(0, model.length() - US_ONLY.length());
            return price(served).map(base -> base.times(US_ONLY_PREMIUM));
        }
        List<String> names = ModelNames.candidates(model);
        boolean regional = ModelNames.bedrockRegionalPremium(model);
        for (Layer layer : layers) {
            Optional<String> priced = layer.name(names);
            if (priced.isPresent()) {
                ModelPrice price = layer.prices.get(priced.get());
                // A list that prices the regional endpoint itself (LiteLLM's us.anthropic...) has the premium in it.
                return Optional.of(regional && !ModelNames.bedrockRegionalPremium(priced.get())
                        ? price.times(REGIONAL_PREMIUM) : price);
            }
        }
        return Optional.empty();
    }

    /** Every model name some table prices. */
    public Set<String> models() {
        Set<String> models = new TreeSet<>();
        layers.forEach(layer -> models.addAll(layer.prices.keySet()));
        return Collections.unmodifiableSet(models);
    }

    /** One table's prices, and each model's plainest name for the names a log gives. */
    private static final class Layer {
        private final Map<String, ModelPrice> prices;
        private final Map<String, String> byPlainName = new HashMap<>();

        Layer(Map<String, ModelPrice> prices) {
            this.prices = Map.copyOf(prices);
            // A list such as LiteLLM's holds one model under several providers' names (deepseek/deepseek-chat,
            // openrouter/deepseek/deepseek-chat): the name without a prefix, else the shortest, stands for it.
            prices.keySet().stream()
                    .sorted((a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b))
                    .forEach(name -> byPlainName.putIfAbsent(ModelNames.plainest(name), name));
        }

        /** The name this table prices the model under, of its {@code names}. */
        Optional<String> name(List<String> names) {
            for (String name : names) {
                if (prices.containsKey(name)) {
                    return Optional.of(name);
                }
            }
            // The last name is the plainest: what every name of the model comes down to.
            return names.isEmpty() ? Optional.empty()
                    : Optional.ofNullable(byPlainName.get(names.get(names.size() - 1)));
        }
    }
}
