package dev.cachet.providers;

import dev.cachet.context.TokenCounter;
import dev.cachet.providers.cache.CacheSimulator;
import dev.cachet.providers.pricing.ModelPrice;
import java.util.function.Supplier;

/**
 * What cachet knows of one model provider: how to reach its models and how its prompt cache bills them. A new
 * provider is one implementation of this and one entry in the registry.
 */
public interface Provider {
    /** As it prefixes a model on the command line: {@code anthropic} in {@code anthropic:claude-sonnet-4-6}. */
    String name();

    /** One line for {@code --model}'s help: what follows the colon, and where the key comes from. */
    String usage();

    /**
     * A client for the model, with what it needs from the environment; {@code price} gives the model's listed prices
     * where the client weighs them (asked after what the environment lacks is named, as a missing key is the likelier
     * mistake).
     */
    ModelClient client(ModelSpec spec, Supplier<ModelPrice> price, ProviderContext context);

    /**
     * A fresh simulator of the prompt cache that bills this provider's requests, counting with {@code counter}, with
     * the model's listed {@code price} where its requests choose their lifetimes by it.
     */
    CacheSimulator cache(ModelSpec spec, ModelPrice price, TokenCounter counter);

    /** Whether a model of this name, as a log records it, is one of this provider's own. */
    default boolean servesByName(String model) {
        return false;
    }

    /** The model whose prices bill the tokens. */
    default String pricedAs(ModelSpec spec) {
        return spec.name();
    }

    /** True when the client's usage is itself simulated (a replay): it has no price of its own to bill a replay at. */
    default boolean usageSimulated() {
        return false;
    }
}
