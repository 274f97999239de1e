package dev.cachet.providers.pricing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.TreeMap;

/**
 * Model prices, read from the bundled {@code prices.yaml}; a user's file in the same format adds models or
 * replaces the prices of bundled ones.
 */
public final class PriceTable {
    private static final Pattern SNAPSHOT_DATE = Pattern.compile("-\\d{8}$");
    private static final String BUNDLED = "/dev/cachet/providers/pricing/prices.yaml";

    private final String pricesAsOf;
    private final Map<String, ModelPrice> prices;

    PriceTable(String pricesAsOf, Map<String, ModelPrice> prices) {
        this.pricesAsOf = pricesAsOf;
        this.prices = Map.copyOf(prices);
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
        // A price left out must not silently become zero.
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
        JsonNode root = mapper.readTree(yaml);
        Map<String, ModelPrice> prices = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("models").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            prices.put(entry.getKey(), mapper.treeToValue(entry.getValue(), ModelPrice.class));
        }
        return new PriceTable(root.path("prices_as_of").asText(), prices);
    }

    /**
     * This table with the models of a user's price file on top.
     *
     * @throws PriceTableException naming the file when it cannot be read or a model's prices are incomplete
     */
    public PriceTable overriddenBy(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            PriceTable user = read(in);
            Map<String, ModelPrice> merged = new TreeMap<>(prices);
            merged.putAll(user.prices);
            return new PriceTable(user.pricesAsOf.isEmpty() ? pricesAsOf : user.pricesAsOf, merged);
        } catch (IOException e) {
            throw new PriceTableException(file + ": " + e.getMessage().lines().findFirst().orElse("cannot be read"), e);
        }
    }

    public String pricesAsOf() {
        return pricesAsOf;
    }

    /**
     * The price of a model by the name a provider or a log gives it: exactly, else without a router's prefix
     * ({@code openai/gpt-5}) or a snapshot date ({@code claude-haiku-4-5-20251001}), which bill as the model.
     */
    public Optional<ModelPrice> price(String model) {
        String name = model.substring(model.lastIndexOf('/') + 1);
        return Optional.ofNullable(prices.get(model))
                .or(() -> Optional.ofNullable(prices.get(name)))
                .or(() -> Optional.ofNullable(prices.get(SNAPSHOT_DATE.matcher(name).replaceFirst(""))));
    }

    public Set<String> models() {
        return prices.keySet();
    }
}
