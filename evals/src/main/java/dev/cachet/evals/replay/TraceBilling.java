package dev.cachet.evals.replay;

import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.registry.Providers;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How each trajectory is billed in a replay: as the model its log names (that model's provider cache, at its price
 * when known), so every strategy is compared with what the session really cost; a log that names none is billed as
 * the model the user chose. The strategies are billed at the chosen model's cache lifetime, as cachet would have run
 * the session; the original harness at the lifetime its log shows, else the 5 minutes a breakpoint without a TTL buys.
 */
public final class TraceBilling implements Billing {
    private final Providers providers;
    private final PricedModel chosen;

    public TraceBilling(Providers providers, PricedModel chosen) {
        this.providers = providers;
        this.chosen = chosen;
    }

    @Override
    public PricedModel apply(Trajectory trajectory) {
        return billed(trajectory.model(), chosen);
    }

    @Override
    public PricedModel asLogged(Trajectory trajectory) {
        return billed(trajectory.model(), logged(trajectory));
    }

    @Override
    public PricedModel apply(Trajectory trajectory, TrajectoryTurn turn) {
        return billed(turn.model().or(trajectory::model), chosen);
    }

    @Override
    public PricedModel asLogged(Trajectory trajectory, TrajectoryTurn turn) {
        return billed(turn.model().or(trajectory::model), logged(trajectory));
    }

    @Override
    public Map<String, String> pricedAsAnother(Trajectory trajectory) {
        Map<String, String> unpriced = new TreeMap<>();
        Stream.concat(trajectory.model().stream(), trajectory.turns().stream().flatMap(turn -> turn.model().stream()))
                .filter(model -> !providers.lists(model))
                .forEach(model -> unpriced.put(model, chosen.spec().toString()));
        return unpriced;
    }

    /** The chosen model at the lifetime the log shows, else at the 5 minutes a breakpoint without a TTL buys. */
    private PricedModel logged(Trajectory trajectory) {
        CacheLifetime logged = trajectory.cacheTtl().orElse(ModelSpec.FIVE_MINUTES);
        return logged == chosen.spec().cacheTtl() ? chosen : providers.priced(chosen.spec().withCacheTtl(logged));
    }

    /** As {@code model} where the log names one, at {@code fallback}'s lifetime, else as {@code fallback}. */
    private PricedModel billed(Optional<String> model, PricedModel fallback) {
        return model.map(named -> providers.recorded(named, fallback.spec().cacheTtl(), fallback)).orElse(fallback);
    }
}
