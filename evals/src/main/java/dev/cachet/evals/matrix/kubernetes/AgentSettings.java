package dev.cachet.evals.matrix.kubernetes;

import dev.cachet.providers.CacheLifetime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How each pod opens its model and strategies: what the coordinator's flags and config files said, so a pod runs
 * the agent the laptop would have. Never a key: those reach pods only through the Secret named by {@code --secret}.
 *
 * @param defaultModel the model of tasks that name none ({@code replay} answers from recordings)
 * @param baseUrl      where the provider's API is; null for the provider's own
 * @param params       each strategy's parameters, config and {@code -P} flags merged
 */
public record AgentSettings(String defaultModel, String baseUrl, CacheLifetime cacheTtl,
        Map<String, Map<String, Integer>> params) {
    public AgentSettings {
        Objects.requireNonNull(defaultModel, "defaultModel");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        params = Map.copyOf(params);
    }

    public Optional<String> baseUrlIfGiven() {
        return Optional.ofNullable(baseUrl);
    }

    /** The parameters of {@code strategy}; none when it has none. */
    public Map<String, Integer> paramsFor(String strategy) {
        return params.getOrDefault(strategy, Map.of());
    }
}
