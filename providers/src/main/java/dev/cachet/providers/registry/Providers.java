package dev.cachet.providers.registry;

import dev.cachet.context.TokenCounter;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.ModelSpecException;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.Provider;
import dev.cachet.providers.ProviderContext;
import dev.cachet.providers.anthropic.AnthropicProvider;
import dev.cachet.providers.cache.NoPromptCache;
import dev.cachet.providers.openai.OpenAiProvider;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.replay.RecordedSession;
import dev.cachet.providers.replay.ReplayProvider;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every provider cachet can call, by the name that prefixes a model, and the one way to open a priced client. */
public final class Providers {
    private static final ReplayProvider REPLAY = new ReplayProvider();
    /** A server of your own (vLLM, Ollama, LM Studio): a model it runs that no price lists costs nothing. */
    private static final Provider OWN_SERVER = OpenAiProvider.compatible();
    private static final List<Provider> ALL = List.of(new AnthropicProvider(), OpenAiProvider.openAi(),
            OpenAiProvider.deepSeek(), OWN_SERVER, REPLAY);

    private final PriceTable prices;

    public Providers(PriceTable prices) {
        this.prices = prices;
    }

    /** One line per provider, for {@code --model}'s help. */
    public static List<String> usage() {
        return ALL.stream().map(Provider::usage).toList();
    }

    /** A client for the model, priced, with its billed usage checked against its provider's cache. */
    public PricedClient open(ModelSpec spec, ProviderContext context) {
        Provider provider = provider(spec);
        // The client first: a missing key or address is the likelier mistake, and the one to hear about first.
        ModelClient client = provider.client(spec, () -> listed(spec, provider), context);
        if (provider == OWN_SERVER && prices.price(provider.pricedAs(spec)).isEmpty()) {
            context.warnings().accept("warning: no price for " + provider.pricedAs(spec) + ": billed at $0, as a model"
                    + " on your own server is; if its host charges, add it to ~/.config/cachet/prices.yaml");
        }
        return new PricedClient(client, billing(spec, provider));
    }

    /** A client that answers from a recording already read, billed as replays are. */
    public PricedClient replay(RecordedSession recording, ModelSpec spec, TokenCounter counter) {
        PricedModel billing = billing(spec, REPLAY);
        return new PricedClient(REPLAY.client(recording, spec, billing.listed(), counter), billing);
    }

    /** How a counterfactual replay bills requests to this model; a recording has no price of its own to bill at. */
    public PricedModel priced(ModelSpec spec) {
        Provider provider = provider(spec);
        if (provider.usageSimulated()) {
            throw new ModelSpecException("cannot price a replay as '" + spec + "'; expected a provider and a model, e.g. "
                    + "anthropic:claude-sonnet-4-6");
        }
        return billing(spec, provider);
    }

    /**
     * How a recorded session's own model bills, told from the name its log gives: the provider its name belongs to
     * (claude: Anthropic; gpt and o-series: OpenAI; deepseek: DeepSeek) and its cache, at its listed price, else at
     * {@code fallback}'s. A model of no known provider is billed with no prompt cache: none can be assumed of it.
     */
    public PricedModel recorded(String model, CacheLifetime cacheTtl, PricedModel fallback) {
        String name = recordedName(model);
        Optional<Provider> provider = ALL.stream().filter(p -> p.servesByName(name)).findFirst();
        ModelSpec spec = new ModelSpec(provider.map(Provider::name).orElse("unknown"), name, Optional.empty(), cacheTtl);
        ModelPrice listed = prices.price(name).orElse(fallback.listed());
        return new PricedModel(spec, listed,
                counter -> provider.map(p -> p.cache(spec, listed, counter)).orElseGet(NoPromptCache::new));
    }

    /** Whether the price table lists a model a log names, which {@link #recorded} then bills at its own price. */
    public boolean lists(String model) {
        return prices.price(recordedName(model)).isPresent();
    }

    /** A model a log names, without the route a gateway puts before it (openrouter/anthropic/claude-...). */
    private static String recordedName(String model) {
        return model.substring(model.lastIndexOf('/') + 1);
    }

    private PricedModel billing(ModelSpec spec, Provider provider) {
        ModelPrice listed = listed(spec, provider);
        return new PricedModel(spec, listed, counter -> provider.cache(spec, listed, counter));
    }

    private ModelPrice listed(ModelSpec spec, Provider provider) {
        String model = provider.pricedAs(spec);
        if (provider == OWN_SERVER) {
            return prices.price(model).orElse(ModelPrice.FREE);
        }
        return prices.price(model).orElseThrow(() -> new ModelSpecException("no price for model " + model
                + "; known: " + prices.models() + " (add it to ~/.config/cachet/prices.yaml)"));
    }

    private static Provider provider(ModelSpec spec) {
        return ALL.stream().filter(provider -> provider.name().equals(spec.provider())).findFirst()
                .orElseThrow(() -> new ModelSpecException("unknown model provider '" + spec.provider() + "' in '" + spec
                        + "'; expected " + ALL.stream().map(p -> p.name() + ":").collect(Collectors.joining(", "))));
    }
}
