package dev.cachet.evals.stats.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cachet.evals.stats.ModelUsage;
import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One of Anthropic's 5-hour billing windows and the calls made in it.
 *
 * @param start     the first call's time floored to the hour, as ccusage floors it
 * @param end       five hours after {@code start}
 * @param costUsd   the cost of its priced calls; null when none is priced
 * @param active    whether the window is still open: its end is still to come and its last call is less than five
 *                  hours ago
 * @param burn      how fast the active block spends, and where that leads by its end; empty for a closed block or
 *                  one whose calls all came in the same instant
 */
public record Block(Instant start, Instant end, Instant firstCall, Instant lastCall, int calls, Usage usage,
        Double costUsd, List<ModelUsage> models, boolean active, @JsonIgnore Optional<BurnRate> burn) {
    public Block {
        models = List.copyOf(models);
    }

    /** The burn rate in JSON: null for a closed block. */
    @JsonProperty("burn")
    BurnRate burnOrNull() {
        return burn.orElse(null);
    }
}
