package dev.cachet.harness;

import dev.cachet.harness.loop.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** One session to run, as the user asked for it. */
public record RunSpec(Path workspace, String task, String strategy, Map<String, Integer> strategyParams, Limits limits,
        Duration commandTimeout, Duration cacheTtl) {
    public RunSpec {
        strategyParams = Map.copyOf(strategyParams);
    }
}
