package dev.cachet.evals.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runs of a batch's files with each call billed once ({@link CallOwners}). A trace whose calls are all billed in
 * another is not reported; one that shares some keeps its runs, replayed whole (the shared calls are its history, and
 * warm or cool its cache as they did), with only its own calls billed. Each trace that shares calls is said, with
 * where its shared calls are billed.
 */
final class BilledOnce {
    /** One file's runs, and each of its traces' call ids by turn (empty where its log names none). */
    record FileRuns(List<ReplayRun> runs, Map<String, List<Optional<String>>> calls) {
        static final FileRuns NONE = new FileRuns(List.of(), Map.of());

        /** The trace of these runs that holds the call. */
        String traceHolding(Optional<String> id) {
            return calls.entrySet().stream().filter(trace -> trace.getValue().contains(id))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
        }

        Set<String> ids() {
            Set<String> ids = new HashSet<>();
            calls.values().forEach(byTurn -> byTurn.forEach(id -> id.ifPresent(ids::add)));
            return ids;
        }
    }

    /** The runs left to report, in the files' order, and a line for each trace that shares calls. */
    record Result(List<ReplayRun> runs, List<String> shared) {}

    private BilledOnce() {}

    static Result of(List<FileRuns> byFile) {
        CallOwners owners = CallOwners.of(byFile.stream().map(FileRuns::ids).toList());
        List<ReplayRun> runs = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (int file = 0; file < byFile.size(); file++) {
            Map<String, List<Optional<String>>> calls = byFile.get(file).calls();
            Map<String, boolean[]> billedHere = new HashMap<>();
            for (Map.Entry<String, List<Optional<String>>> trace : calls.entrySet()) {
                // The first call each other file bills, to name the trace there that holds it.
                Map<Integer, Optional<String>> elsewhere = new LinkedHashMap<>();
                boolean[] billed = billed(file, trace.getValue(), owners, elsewhere);
                billedHere.put(trace.getKey(), billed);
                if (!elsewhere.isEmpty()) {
                    List<String> holders = elsewhere.entrySet().stream()
                            .map(held -> byFile.get(held.getKey()).traceHolding(held.getValue())).toList();
                    shared.add(said(trace.getKey(), count(billed), billed.length, holders));
                }
            }
            for (ReplayRun run : byFile.get(file).runs()) {
                boolean[] billed = billedHere.get(run.trace());
                if (billed == null) {
                    runs.add(run);
                } else if (billed.length == 0 || count(billed) > 0) {
                    runs.add(count(billed) == billed.length ? run : run.keeping(turn -> billed[turn.turn() - 1]));
                }
            }
        }
        return new Result(runs, shared);
    }

    /** Which of a trace's calls its file bills; {@code elsewhere} gets, per other file, the first it bills. */
    private static boolean[] billed(int file, List<Optional<String>> ids, CallOwners owners,
            Map<Integer, Optional<String>> elsewhere) {
        boolean[] billed = new boolean[ids.size()];
        for (int turn = 0; turn < ids.size(); turn++) {
            Optional<String> id = ids.get(turn);
            int owner = id.isEmpty() ? file : owners.owner(id.get(), file);
            billed[turn] = owner == file;
            if (owner != file) {
                elsewhere.putIfAbsent(owner, id);
            }
        }
        return billed;
    }

    private static String said(String trace, int own, int calls, List<String> holders) {
        return trace + ": " + (own == 0 ? "all " + calls + " calls are" : calls - own + " of its " + calls + " calls are")
                + " also in " + String.join(", ", holders) + " and billed there; "
                + (own == 0 ? "not reported apart" : "its rows bill the other " + own);
    }

    private static int count(boolean[] billed) {
        int count = 0;
        for (boolean b : billed) {
            count += b ? 1 : 0;
        }
        return count;
    }
}
