package dev.cachet.evals.matrix.kubernetes;

import dev.cachet.evals.matrix.RunRecord;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which pending runs are still awaited, across every Job of the eval: a record is handed on the first time its key
 * is seen and never again, however many pods, polls or Jobs show it; a lost run keeps the reason it was lost.
 */
final class RunLedger {
    private final Set<String> awaited;
    private final Map<String, String> lost = new LinkedHashMap<>();
    private final Consumer<RunRecord> finished;
    private final Consumer<String> notices;

    RunLedger(Collection<String> pending, Consumer<RunRecord> finished, Consumer<String> notices) {
        this.awaited = new LinkedHashSet<>(pending);
        this.finished = finished;
        this.notices = notices;
    }

    boolean awaits(String key) {
        return awaited.contains(key);
    }

    boolean awaitsAny(Collection<String> keys) {
        return keys.stream().anyMatch(awaited::contains);
    }

    void record(RunRecord record) {
        if (awaited.remove(record.key())) {
            lost.remove(record.key());
            finished.accept(record);
        }
    }

    /** Said once per run and reason: a pod polled again says the same thing again. */
    void lost(String key, String reason) {
        if (awaited.contains(key) && !reason.equals(lost.put(key, reason))) {
            notices.accept("run " + key + ": " + reason);
        }
    }

    /** The runs still awaited, each with why: the reason its pod was lost, or that none finished it. */
    Map<String, String> missing() {
        Map<String, String> missing = new LinkedHashMap<>();
        awaited.forEach(key -> missing.put(key, lost.getOrDefault(key, "no pod finished it")));
        return missing;
    }

    Set<String> awaited() {
        return Set.copyOf(awaited);
    }
}
