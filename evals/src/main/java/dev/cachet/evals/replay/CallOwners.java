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
 * billed once: the file that holds the most calls bills it (a resumed session's latest log, which holds all the ones
 * before it), else the first in the files' order, so that the bills of a replay add up to what was paid, as
 * {@code stats} counts each call once.
 */
final class CallOwners {
    private final Map<String, Integer> owners = new HashMap<>();

    private CallOwners() {}

    /** @param callsByFile each file's call ids, in the files' order */
    static CallOwners of(List<Set<String>> callsByFile) {
        CallOwners owners = new CallOwners();
        IntStream.range(0, callsByFile.size()).boxed()
                .sorted(Comparator.comparingInt((Integer file) -> -callsByFile.get(file).size())
                        .thenComparingInt(file -> file))
                .forEach(file -> callsByFile.get(file).forEach(id -> owners.owners.putIfAbsent(id, file)));
        return owners;
    }

    /** The file that bills the call; {@code file} bills one that no file was said to hold. */
    int owner(String id, int file) {
        return owners.getOrDefault(id, file);
    }
}
