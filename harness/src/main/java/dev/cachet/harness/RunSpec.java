package dev.cachet.harness;

import dev.cachet.harness.loop.Limits;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** One session to run, as the user asked for it. */
public record RunSpec(Path workspace, String task, String strategy, Map<String, Integer> strategyParams, Limits limits,
        Duration commandTimeout, Duration cacheTtl, Sandbox sandbox, Approver approver) {
    public RunSpec {
        strategyParams = Map.copyOf(strategyParams);
    }
}
