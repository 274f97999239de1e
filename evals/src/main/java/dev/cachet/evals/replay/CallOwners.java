package dev.cachet.evals.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which trace bills a call that several of the traces one replay reads hold. Claude Code's log of a resumed session
 * starts with the lines of the log it resumed, calls and all, and some of its versions log a sub-agent both inline in
 * its parent's log and in a file of its own; a copied history may hold a Codex rollout's reports; and within one log,
 * lines of one response may fall in two contexts. Such a call was billed once: a trace with a recorded bill bills it
 * before one without (a log that lacks a call's bill before its last billed call is estimated, and would leave the
 * call unbilled); among those, a trace of the file that holds the most calls (a resumed session's latest log usually holds
 * all the ones before it), else of the first file in order, else the file's first trace. So the bills of a replay add
 * up to what was paid, as {@code stats} counts each call once.
 */
final class CallOwners {
    private final Map<String, String> owners = new HashMap<>();

    private CallOwners() {}

    /** @param callsByFile per file, in the files' order, its traces' calls by trace id, in the file's order */
    static CallOwners of(List<Map<String, BilledOnce.TraceCalls>> callsByFile) {
        record Ranked(String trace, BilledOnce.TraceCalls calls, int fileCalls, int file, int index) {}
        List<Ranked> ranked = new ArrayList<>();
        for (int file = 0; file < callsByFile.size(); file++) {
            Set<String> fileIds = new HashSet<>();
            callsByFile.get(file).values().forEach(trace -> trace.ids().forEach(id -> id.ifPresent(fileIds::add)));
            int index = 0;
            for (Map.Entry<String, BilledOnce.TraceCalls> trace : callsByFile.get(file).entrySet()) {
                ranked.add(new Ranked(trace.getKey(), trace.getValue(), fileIds.size(), file, index++));
            }
        }
        ranked.sort(Comparator.comparingInt((Ranked trace) -> -trace.fileCalls()).thenComparingInt(Ranked::file)
                .thenComparingInt(Ranked::index));
        CallOwners owners = new CallOwners();
        for (boolean recordedOnly : new boolean[] {true, false}) {
            ranked.stream().filter(trace -> trace.calls().recorded() || !recordedOnly).forEach(trace -> trace.calls()
                    .ids().forEach(id -> id.ifPresent(call -> owners.owners.putIfAbsent(call, trace.trace()))));
        }
        return owners;
    }

    /** The trace that bills the call; {@code trace} bills one that no trace was said to hold. */
    String owner(String id, String trace) {
        return owners.getOrDefault(id, trace);
    }
}
