package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The token_count reports of one Codex rollout, as both of its readers take them. A report carries the session's
 * cumulative total, and a billed call's report its own usage too ({@code last_token_usage}).
 * <ul>
 *   <li>Codex writes a call's report twice, and one rollout can hold two counters whose reports interleave (a second
 *       model's): a total met before anywhere in the rollout is a repeat, no new call. A counter only grows, so a new
 *       report never equals an old one.</li>
 *   <li>Older Codex versions wrote the total alone: a call then billed what the total grew by since the report
 *       before, or the whole total where any of its counts fell (a counter started anew).</li>
 *   <li>A report is identified by its time and total ({@link #id}): a rollout that copies another's history without
 *       a fork's mark repeats the other's reports, and usage reports count those calls once.</li>
 * </ul>
 */
final class CodexReports {
    private final Set<JsonNode> seen = new HashSet<>();
    private JsonNode previous;
    private JsonNode latest;

    /** Takes the next report's total: false where it repeats an earlier one, which is then no new call. */
    boolean next(JsonNode total) {
        if (!seen.add(total)) {
            return false;
        }
        previous = latest;
        latest = total;
        return true;
    }

    /**
     * What the last report taken billed, read from its total: empty where that total, or the one before it, lacks
     * whole input and output counts, or has cached or reasoning counts that are not whole (a negative count is none).
     */
    Optional<Usage> growth() {
        Optional<long[]> now = counts(latest);
        Optional<long[]> before = previous == null ? Optional.of(new long[4]) : counts(previous);
        if (now.isEmpty() || before.isEmpty()) {
            return Optional.empty();
        }
        long[] grown = now.get().clone();
        long[] was = before.get();
        boolean restarted = false;
        for (int i = 0; i < grown.length; i++) {
            restarted |= grown[i] < was[i];
        }
        if (!restarted) {
            for (int i = 0; i < grown.length; i++) {
                grown[i] -= was[i];
            }
        }
        return Optional.of(Usages.openAi(grown[0], grown[1], grown[2], grown[3]));
    }

    /** A report's id: its time and its total. A report without a time has none. */
    static Optional<String> id(Optional<Instant> at, JsonNode total) {
        return at.map(time -> "codex token_count " + time + " " + total);
    }

    /** Input, cached input, output and reasoning output; the last two may be absent or null. */
    private static Optional<long[]> counts(JsonNode total) {
        JsonNode input = total.path("input_tokens");
        JsonNode output = total.path("output_tokens");
        JsonNode cached = total.path("cached_input_tokens");
        JsonNode reasoning = total.path("reasoning_output_tokens");
        if (!count(input) || !count(output) || !optionalCount(cached) || !optionalCount(reasoning)) {
            return Optional.empty();
        }
        return Optional.of(new long[] {input.asLong(), cached.asLong(), output.asLong(), reasoning.asLong()});
    }

    private static boolean count(JsonNode count) {
        return count.isIntegralNumber() && count.canConvertToLong() && count.asLong() >= 0;
    }

    private static boolean optionalCount(JsonNode count) {
        return count.isMissingNode() || count.isNull() || count(count);
    }
}
