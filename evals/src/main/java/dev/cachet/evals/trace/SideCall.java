package dev.cachet.evals.trace;

import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A call a log billed beside its turns, which no strategy's replay makes again: cachet's keep-alive pings and its
 * summarizer's calls at a compaction. Part of the recorded bill.
 *
 * @param beforeTurn the index of the turn it came before; the number of turns when it came after the last
 * @param usage      what it was billed, when the log records it
 */
public record SideCall(Kind kind, int beforeTurn, Optional<Instant> at, Optional<Usage> usage) {
    /** The agent a summary's call is counted under in usage reports: cachet's summarizer, not the session's. */
    public static final String SUMMARIZER = "summarizer";

    /** What the call was for. */
    public enum Kind { PING, SUMMARY }

    public SideCall {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(usage, "usage");
        if (beforeTurn < 0) {
            throw new IllegalArgumentException("beforeTurn " + beforeTurn + " < 0");
        }
    }
}
