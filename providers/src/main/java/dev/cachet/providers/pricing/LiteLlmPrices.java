package dev.cachet.providers.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads LiteLLM's model price list ({@code model_prices_and_context_window.json}, which ccusage also prices with):
 * one object per model name with per-token costs. Only models that chat are kept; prices are turned into cachet's
 * dollars per million tokens. A model without a cache price caches nothing at a discount, so its cache reads and
 * writes cost the input price; one without a 1-hour write price bills every write at its 5-minute price. A tier of
 * longer prompts ({@code input_cost_per_token_above_200k_tokens} and its kin) is kept with the model's prices. A model
 * with a fast mode ({@code provider_specific_entry.fast}, the multiple of every price it bills) is priced so under its
 * fast name too ({@code claude-opus-4-6-fast}, {@link ModelNames}).
 */
final class LiteLlmPrices {
    private static final Set<String> CHAT_MODES = Set.of("chat", "completion", "responses");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The input price of a tier of longer prompts, such as {@code input_cost_per_token_above_200k_tokens}. */
    private static final Pattern INPUT_ABOVE = Pattern.compile("input_cost_per_token_above_([1-9]\\d{0,5})k_tokens");

    private LiteLlmPrices() {}

    /**
     * The priced chat models of a price list.
     *
     * @param where      names the list in errors
     * @param minModels  fewer priced models than this means a partial list: it is refused, not half-used
     * @throws PriceTableException naming {@code where} when the text is not such a list
     */
    static Map<String, ModelPrice> parse(String json, String where, int minModels) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PriceTableException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new PriceTableException(where + ": expected a JSON object of models, as LiteLLM's price list is", null);
        }
        Map<String, ModelPrice> prices = new TreeMap<>();
        Map<String, ModelPrice> fast = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode model = entry.getValue();
            if (chats(model) && model.has("input_cost_per_token") && model.has("output_cost_per_token")) {
                ModelPrice price = price(where, entry.getKey(), model);
                prices.put(entry.getKey(), price);
                JsonNode multiple = model.path("provider_specific_entry").path("fast");
                if (multiple.isNumber() && multiple.doubleValue() > 0) {
                    fast.put(entry.getKey() + PriceTable.FAST, price.times(multiple.doubleValue()));
                }
            }
        }
        if (prices.size() < minModels) {
            throw new PriceTableException(where + ": only " + prices.size() + " priced chat models, fewer than the "
                    + minModels + " a whole LiteLLM price list has: refused as partial", null);
        }
        // A model the list prices under its fast name itself keeps that price.
        fast.forEach(prices::putIfAbsent);
        return prices;
    }

    private static boolean chats(JsonNode model) {
        JsonNode mode = model.path("mode");
        return model.isObject() && (mode.isMissingNode() || CHAT_MODES.contains(mode.asText()));
    }

    private static ModelPrice price(String where, String name, JsonNode model) {
        double input = perMillion(where, name, model, "input_cost_per_token");
        double write5m = or(where, name, model, "cache_creation_input_token_cost", input);
        ModelPrice price = new ModelPrice(
                input,
                perMillion(where, name, model, "output_cost_per_token"),
                write5m,
                or(where, name, model, "cache_creation_input_token_cost_above_1hr", write5m),
                or(where, name, model, "cache_read_input_token_cost", input));
        // One tier is kept: where a list gives several, the first a prompt passes.
        OptionalLong lowest = OptionalLong.empty();
        for (Iterator<String> fields = model.fieldNames(); fields.hasNext(); ) {
            Matcher above = INPUT_ABOVE.matcher(fields.next());
            if (above.matches()) {
                long thousands = Long.parseLong(above.group(1));
                lowest = OptionalLong.of(Math.min(thousands, lowest.orElse(thousands)));
            }
        }
        return lowest.isEmpty() ? price : price.above(lowest.getAsLong() * 1_000,
                longer(where, name, model, price, "_above_" + lowest.getAsLong() + "k_tokens"));
    }

    /**
     * The prices of a tier of longer prompts, each field named as the base one with {@code suffix}. A cache price the
     * list leaves out keeps its multiple of the input price, as a provider's cache multipliers apply on top of the
     * long-context input price; an output price left out stays the base one.
     */
    private static ModelPrice longer(String where, String name, JsonNode model, ModelPrice base, String suffix) {
        double input = perMillion(where, name, model, "input_cost_per_token" + suffix);
        double scale = base.input() == 0 ? 1 : input / base.input();
        return new ModelPrice(input,
                or(where, name, model, "output_cost_per_token" + suffix, base.output()),
                or(where, name, model, "cache_creation_input_token_cost" + suffix, base.cacheWrite5m() * scale),
                or(where, name, model, "cache_creation_input_token_cost_above_1hr" + suffix, base.cacheWrite1h() * scale),
                or(where, name, model, "cache_read_input_token_cost" + suffix, base.cacheRead() * scale));
    }

    private static double or(String where, String name, JsonNode model, String field, double otherwise) {
        return model.has(field) ? perMillion(where, name, model, field) : otherwise;
    }

    /** A per-token cost as dollars per million tokens, in decimal so that 3e-06 is 3.0, not 2.9999999999999996. */
    private static double perMillion(String where, String name, JsonNode model, String field) {
        JsonNode cost = model.get(field);
        if (!cost.isNumber() || cost.doubleValue() < 0) {
            throw new PriceTableException(where + ": model " + name + ": " + field
                    + " is not a price (a number of dollars per token): " + cost, null);
        }
        return new BigDecimal(cost.asText()).movePointRight(6).doubleValue();
    }
}
