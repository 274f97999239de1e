package dev.cachet.evals.replay;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Which file bills a call that several of the files one replay reads hold. Claude Code's log of a resumed session
 * starts with the lines of the log it resumed, calls and all, and some of its versions log a sub-agent both inline in
 * its parent's log and in a file of its own; a copied history may hold a Codex rollout's reports. Such a call was
 * billed once: a file whose trace holding it has a recorded bill bills it before one whose trace has none (a log cut
 * off before its last call was billed is estimated, and would leave the call unbilled); among those, the file that
 * holds the most calls (a resumed session's latest log usually holds all the ones before it), else the first in the
 * files' order. So the bills of a replay add up to what was paid, as {@code stats} counts each call once.
 */
final class CallOwners {
    private final Map<String, Integer> owners = new HashMap<>();

    private CallOwners() {}

    /**
     * @param billedByFile each file's call ids held by its traces with a recorded bill, in the files' order
     * @param allByFile    each file's call ids, in the files' order
     */
    static CallOwners of(List<Set<String>> billedByFile, List<Set<String>> allByFile) {
        CallOwners owners = new CallOwners();
        List<Integer> order = IntStream.range(0, allByFile.size()).boxed()
                .sorted(Comparator.comparingInt((Integer file) -> -allByFile.get(file).size())
                        .thenComparingInt(file -> file))
                .toList();
        order.forEach(file -> billedByFile.get(file).forEach(id -> owners.owners.putIfAbsent(id, file)));
        order.forEach(file -> allByFile.get(file).forEach(id -> owners.owners.putIfAbsent(id, file)));
        return owners;
    }

    /** The file that bills the call; {@code file} bills one that no file was said to hold. */
    int owner(String id, int file) {
        return owners.getOrDefault(id, file);
    }
}
