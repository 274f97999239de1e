package dev.cachet.harness.cli;

import dev.cachet.context.strategy.ConfiguredStrategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replay was asked to bill, in its JSON report, so that a report written with --out tells how it was made:
 * the model, the cache lifetime, the think time, the what-ifs and every strategy's parameters in effect (the
 * configuration's with the flags' on top).
 *
 * @param defaultModel the model a log that names none is replayed as (each other log as its own)
 * @param pauseAt    minutes added before each call, by its number
 * @param strategies each strategy replayed, in order, with its parameters
 */
record ReplaySettings(String defaultModel, String cacheTtl, double thinkTimeSeconds, Map<Integer, Double> pauseAt,
        int cacheKeepalive, boolean perfectCache, Map<String, Map<String, Integer>> strategies) {
    ReplaySettings {
        pauseAt = new TreeMap<>(pauseAt);
        strategies = new LinkedHashMap<>(strategies);
    }

    static ReplaySettings of(String defaultModel, String cacheTtl, Duration thinkTime, Map<Integer, Double> pauseAt,
            int cacheKeepalive, boolean perfectCache, List<ConfiguredStrategy> strategies) {
        Map<String, Map<String, Integer>> params = new LinkedHashMap<>();
        strategies.forEach(s -> params.put(s.info().name(), new TreeMap<>(s.params().values())));
        return new ReplaySettings(defaultModel, cacheTtl, thinkTime.toMillis() / 1000.0, pauseAt, cacheKeepalive,
                perfectCache, params);
    }

    /** The what-if flags given, as the report's head line says them after its terms; empty where none was. */
    String whatIfs(Map<String, Integer> paramFlags) {
        List<String> flags = new ArrayList<>();
        pauseAt.forEach((call, minutes) -> flags.add("--pause-at " + call + "="
                + BigDecimal.valueOf(minutes).stripTrailingZeros().toPlainString()));
        if (cacheKeepalive > 0) {
            flags.add("--cache-keepalive " + cacheKeepalive);
        }
        new TreeMap<>(paramFlags).forEach((name, value) -> flags.add("-P " + name + "=" + value));
        if (perfectCache) {
            flags.add("--perfect-cache");
        }
        return flags.isEmpty() ? "" : ", what-ifs: " + String.join(" ", flags);
    }
}
