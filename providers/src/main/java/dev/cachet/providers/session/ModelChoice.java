package dev.cachet.providers.session;

import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.CacheLifetime;
import java.util.Optional;

/**
 * The model a session calls, as its log records it so that a resume calls the same one: {@code provider:name}, the
 * base URL ({@code ""} for the provider's own) and the cache lifetime (older logs hold it as an ISO duration).
 */
public record ModelChoice(String spec, String baseUrl, CacheLifetime cacheTtl) {
    public static ModelChoice of(ModelSpec spec) {
        return new ModelChoice(spec.toString(), spec.baseUrl().orElse(""), spec.cacheTtl());
    }

    public ModelSpec toSpec() {
        return ModelSpec.parse(spec, Optional.of(baseUrl).filter(url -> !url.isEmpty()), cacheTtl);
    }
}
