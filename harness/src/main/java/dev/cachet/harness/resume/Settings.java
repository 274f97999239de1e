package dev.cachet.harness.resume;

import dev.cachet.providers.session.Limits;
import dev.cachet.providers.session.ModelChoice;
import java.util.Map;
import java.util.Optional;

/**
 * What a session runs with: as it started, or as its last resume changed it.
 *
 * @param model empty in logs written before cachet recorded the provider
 */
public record Settings(Optional<ModelChoice> model, String strategy, Map<String, Integer> params, Limits limits) {
    public Settings {
        params = Map.copyOf(params);
    }
}
