package dev.cachet.providers.openai;

import dev.cachet.context.TokenCounter;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.ModelSpecException;
import dev.cachet.providers.Provider;
import dev.cachet.providers.ProviderContext;
import dev.cachet.providers.cache.AutomaticPrefixCacheSimulator;
import dev.cachet.providers.cache.CacheSimulator;
import dev.cachet.providers.http.RetryingTransport;
import dev.cachet.providers.pricing.ModelPrice;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The providers that speak OpenAI's chat completions and cache prefixes by themselves: OpenAI, DeepSeek, and any
 * compatible server at a base URL (vLLM, Ollama, LM Studio), whose key is optional.
 */
public final class OpenAiProvider implements Provider {
    private final String name;
    private final String keyVariable;
    private final Optional<String> defaultBaseUrl;
    private final BiFunction<ModelSpec, TokenCounter, CacheSimulator> caches;
    private final Pattern ownModels;

    private OpenAiProvider(String name, String keyVariable, Optional<String> defaultBaseUrl,
            BiFunction<ModelSpec, TokenCounter, CacheSimulator> caches, Pattern ownModels) {
        this.name = name;
        this.keyVariable = keyVariable;
        this.defaultBaseUrl = defaultBaseUrl;
        this.caches = caches;
        this.ownModels = ownModels;
    }

    public static OpenAiProvider openAi() {
        return new OpenAiProvider("openai", "OPENAI_API_KEY", Optional.of(OpenAiClient.DEFAULT_BASE_URL),
                (spec, counter) -> AutomaticPrefixCacheSimulator.openAi(counter,
                        AutomaticPrefixCacheSimulator.openAiRetention(spec.name())),
                Pattern.compile("(gpt-|o\\d|codex-).*"));
    }

    public static OpenAiProvider deepSeek() {
        return new OpenAiProvider("deepseek", "DEEPSEEK_API_KEY", Optional.of("https://api.deepseek.com/v1"),
                (spec, counter) -> AutomaticPrefixCacheSimulator.deepSeek(counter), Pattern.compile("deepseek-.*"));
    }

    /** A local or self-hosted server: no address of its own, a key only if the user set one, no models by name. */
    public static OpenAiProvider compatible() {
        return new OpenAiProvider("openai-compatible", "OPENAI_API_KEY", Optional.empty(),
                (spec, counter) -> AutomaticPrefixCacheSimulator.openAi(counter), Pattern.compile("(?!)"));
    }

    @Override
    public boolean servesByName(String model) {
        return ownModels.matcher(model).matches();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return defaultBaseUrl.isPresent()
                ? name + ":<model> (key from " + keyVariable + ")"
                : name + ":<model> with --base-url (vLLM, Ollama, LM Studio; " + keyVariable + " if set)";
    }

    @Override
    public ModelClient client(ModelSpec spec, Supplier<ModelPrice> price, ProviderContext context) {
        String baseUrl = spec.baseUrl().or(() -> defaultBaseUrl).orElseThrow(() -> new ModelSpecException(
                spec + " needs --base-url, e.g. http://localhost:11434/v1 for Ollama"));
        Optional<String> key = defaultBaseUrl.isPresent() ? Optional.of(context.key(keyVariable)) : context.optionalKey(keyVariable);
        return new OpenAiClient(spec.name(), baseUrl, key, RetryingTransport.standard(name));
    }

    @Override
    public CacheSimulator cache(ModelSpec spec, ModelPrice price, TokenCounter counter) {
        return caches.apply(spec, counter);
    }
}
