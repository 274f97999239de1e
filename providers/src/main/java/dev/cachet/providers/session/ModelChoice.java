package dev.cachet.providers.session;

import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.replay.ReplayProvider;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The model a session calls, as its log records it so that a resume calls the same one: {@code provider:name}, the
 * base URL ({@code ""} for the provider's own) and the cache lifetime (older logs hold it as an ISO duration).
 */
public record ModelChoice(String spec, String baseUrl, CacheLifetime cacheTtl) {
    /**
     * The model as logged; a recording named by a relative path is logged absolute, for a resume from elsewhere (not
     * normalized: through a symbolic link, {@code ..} is the link target's parent).
     */
    public static ModelChoice of(ModelSpec spec) {
        ModelSpec logged = spec.provider().equals(ReplayProvider.NAME) ? new ModelSpec(spec.provider(),
                Path.of(spec.name()).toAbsolutePath().toString(), spec.baseUrl(), spec.cacheTtl()) : spec;
        return new ModelChoice(logged.toString(), logged.baseUrl().orElse(""), logged.cacheTtl());
    }

    public ModelSpec toSpec() {
        return ModelSpec.parse(spec, Optional.of(baseUrl).filter(url -> !url.isEmpty()), cacheTtl);
    }
}
