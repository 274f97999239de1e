package dev.cachet.harness.cli;

import dev.cachet.harness.InputException;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.replay.ReplayProvider;
import dev.cachet.providers.session.ModelChoice;
import java.util.Optional;
import java.util.function.Predicate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The model a command calls (or a replay bills as), parsed once into a {@link ModelSpec}. */
final class ModelOptions {
    static final String DEFAULT_MODEL = "anthropic:claude-sonnet-4-6";

    @Option(names = {"-m", "--model"}, paramLabel = "PROVIDER:NAME", defaultValue = DEFAULT_MODEL,
            description = {"The model: anthropic:<model> (key from ANTHROPIC_API_KEY), openai:<model> (OPENAI_API_KEY),",
                "deepseek:<model> (DEEPSEEK_API_KEY), openai-compatible:<model> with --base-url (vLLM, Ollama, LM Studio),",
                "or replay:<session.jsonl> to answer from a recorded session offline (priced as "
                        + ReplayProvider.PRICED_AS + ").",
                "Default: 'model' in .cachet.yaml, else ${DEFAULT-VALUE}."})
    String model;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Where the provider's API is, for proxies, gateways, local servers and test servers. "
                    + "Default: 'base_url' in .cachet.yaml, else the provider's own.")
    String baseUrl;

    @Mixin
    CacheTtlOption ttl;

    ModelSpec spec() {
        return ModelSpec.parse(model, Optional.ofNullable(baseUrl), ttl.lifetime());
    }

    /** The model and cache lifetime a command runs with when the user names neither. */
    static ModelSpec defaults() {
        return ModelSpec.parse(DEFAULT_MODEL, Optional.empty(), CacheLifetime.parse(CacheTtlOption.DEFAULT));
    }

    /**
     * A resumed session's model: {@code --model} as given, else the one it ran with, with {@code --base-url} and
     * {@code --cache-ttl} on top if they were given (else the cache lifetime it ran with, whatever the model).
     */
    ModelSpec over(Optional<ModelChoice> logged, Predicate<String> given) {
        if (given.test("--model")) {
            ModelSpec chosen = spec();
            return given.test("--cache-ttl") ? chosen
                    : logged.map(choice -> chosen.withCacheTtl(choice.cacheTtl())).orElse(chosen);
        }
        ModelSpec spec = logged.map(ModelChoice::toSpec).orElseThrow(() -> new InputException(
                "the session's log does not say which provider its model came from (it is older than resume); "
                        + "give --model"));
        return new ModelSpec(spec.provider(), spec.name(), given.test("--base-url") ? Optional.of(baseUrl) : spec.baseUrl(),
                given.test("--cache-ttl") ? ttl.lifetime() : spec.cacheTtl());
    }
}
