package dev.cachet.evals.replay;

import dev.cachet.evals.trace.Trajectory;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.registry.Providers;
import java.util.Optional;
import java.util.function.Function;

/**
 * How each trajectory is billed in a replay: as the model its log names (that model's provider cache, at its price
 * when known, with the cache lifetime the log shows), so every strategy is compared with what the session really
 * cost; a log that names none is billed as the model the user chose. A cache lifetime the user names is a what-if
 * over the log's: the strategies are billed at it (the recorded bill keeps the lifetime it was paid at).
 */
public final class TraceBilling implements Function<Trajectory, PricedModel> {
    private final Providers providers;
    private final PricedModel chosen;
    private final Optional<CacheLifetime> namedTtl;

    public TraceBilling(Providers providers, PricedModel chosen, Optional<CacheLifetime> namedTtl) {
        this.providers = providers;
        this.chosen = chosen;
        this.namedTtl = namedTtl;
    }

    public TraceBilling(Providers providers, PricedModel chosen) {
        this(providers, chosen, Optional.empty());
    }

    @Override
    public PricedModel apply(Trajectory trajectory) {
        CacheLifetime ttl = namedTtl.or(() -> trajectory.cacheTtl().map(CacheLifetime::of))
                .orElse(chosen.spec().cacheTtl());
        return trajectory.model().map(model -> providers.recorded(model, ttl, chosen)).orElse(chosen);
    }
}
