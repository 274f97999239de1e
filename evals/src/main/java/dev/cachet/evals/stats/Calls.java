package dev.cachet.evals.stats;

import dev.cachet.evals.trace.CallKey;
import dev.cachet.evals.trace.SideCall;
import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.evals.trace.TurnColumns;
import java.util.List;

/**
 * Finds the calls of summaries, each call once over everything read through one instance: a resumed Claude Code
 * session's file repeats the calls of the file it resumed, under the same message and request ids, and they were
 * billed once. A call without an id is always new.
 */
public final class Calls {
    private final LongHashSet counted;

    public Calls() {
        this(0);
    }

    /** Calls to find among summaries that hold some {@code expectedKeys} ids, repeats included. */
    public Calls(int expectedKeys) {
        counted = new LongHashSet(expectedKeys);
    }

    /**
     * The calls of a session's parts not met before, part by part: each part's turns, then its side calls (keep-alive
     * pings and summaries, at the part's model).
     */
    public CallList of(List<TraceSummary> parts) {
        // Room for every call of the parts: the list is not copied as it grows.
        CallList calls = new CallList(parts.stream().mapToInt(part -> part.turns().size() + part.sideCalls().size())
                .sum());
        for (TraceSummary part : parts) {
            TurnColumns turns = part.columns();
            for (int i = 0; i < turns.size(); i++) {
                if (!turns.keyed(i) || counted.add(turns.key(i))) {
                    calls.add(part, i);
                }
            }
            for (int i = 0; i < part.sideCalls().size(); i++) {
                // A side call a copy of the log holds (of the same kind, logged at the same instant) is counted once.
                SideCall side = part.sideCalls().get(i);
                if (side.at().isEmpty() || counted.add(CallKey.of("side:" + side.kind() + "@" + side.at().get()))) {
                    calls.add(part, turns.size() + i);
                }
            }
        }
        return calls;
    }
}
