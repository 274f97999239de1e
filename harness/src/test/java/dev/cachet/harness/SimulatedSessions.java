package dev.cachet.harness;

import dev.cachet.harness.loop.ManualTime;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.cache.NoPromptCache;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.session.Limits;
import dev.cachet.providers.session.SessionLogs;
import dev.cachet.tools.catalog.ToolLoading;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sessions on simulated time, billed at Claude Sonnet's prices, for keep-alive tests: nothing waits for real. */
public final class SimulatedSessions {
    public static final ModelPrice PRICE = new ModelPrice(3, 15, 3.75, 6, 0.30);

    private final ManualTime time = new ManualTime(Instant.parse("2026-01-01T09:00:00Z"));
    private final Path stateHome;

    /** @param stateHome where session logs go */
    public SimulatedSessions(Path stateHome) {
        this.stateHome = stateHome;
    }

    public ManualTime time() {
        return time;
    }

    public Harness harness() {
        return new Harness(time, time::scheduler, Map.of(), PriceTable.bundled(), new SessionLogs(stateHome));
    }

    /** The model as Anthropic's Claude Sonnet, its usage as it reports it, caching for {@code ttl}. */
    public static PricedClient anthropic(ModelClient model, CacheLifetime ttl) {
        ModelSpec spec = new ModelSpec("anthropic", "claude-sonnet-4-6", Optional.empty(), ttl);
        return new PricedClient(model, new PricedModel(spec, PRICE, counter -> new NoPromptCache()));
    }

    /** A session with the transcript strategy, no sandbox, a day of wall time and up to {@code keepAlive} pings. */
    public static RunSpec spec(Path workspace, String task, int keepAlive, Approver approver) {
        return new RunSpec(workspace, task, "transcript", Map.of(), Limits.DEFAULT.withMaxWallTime(Duration.ofDays(1)),
                Duration.ofMinutes(1), Sandbox.of(SandboxMode.FULL), approver, ToolLoading.DEFERRED, List.of(), false,
                keepAlive);
    }
}
