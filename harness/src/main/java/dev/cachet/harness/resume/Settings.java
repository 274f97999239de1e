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

    /** Whether a resume runs as the session ran before, so that its strategy must render each turn as logged. */
    public boolean sameAs(String otherStrategy, Map<String, Integer> otherParams, ModelChoice otherModel) {
        return strategy.equals(otherStrategy) && params.equals(otherParams) && model.equals(Optional.of(otherModel));
    }
}
