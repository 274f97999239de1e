package dev.cachet.evals.replay;

import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which calls each trace of the files one replay reads bills, so that each is billed once ({@link CallOwners}). A
 * trace whose calls are all billed in another is not reported; one that shares some is replayed whole (the shared
 * calls are its history, and warm or cool its cache as they did) with only its own calls billed. Each trace that
 * shares calls is said, with where its shared calls are billed.
 */
public final class BilledOnce {
    private final Map<String, boolean[]> billedByTrace = new HashMap<>();
    private final List<String> shared = new ArrayList<>();

    private BilledOnce() {}

    /**
     * @param callsByFile per file, in the files' order, each of its traces' call ids by turn (empty where its log names
     *                    none); trace ids are unique over all the files
     */
    public static BilledOnce of(List<Map<String, List<Optional<String>>>> callsByFile) {
        CallOwners owners = CallOwners.of(callsByFile.stream().map(BilledOnce::ids).toList());
        BilledOnce decided = new BilledOnce();
        for (int file = 0; file < callsByFile.size(); file++) {
            for (Map.Entry<String, List<Optional<String>>> trace : callsByFile.get(file).entrySet()) {
                // The first call each other file bills, to name the trace there that holds it.
                Map<Integer, Optional<String>> elsewhere = new LinkedHashMap<>();
                boolean[] billed = billed(file, trace.getValue(), owners, elsewhere);
                decided.billedByTrace.put(trace.getKey(), billed);
                if (!elsewhere.isEmpty()) {
                    List<String> holders = elsewhere.entrySet().stream()
                            .map(held -> traceHolding(callsByFile.get(held.getKey()), held.getValue())).toList();
                    decided.shared.add(said(trace.getKey(), count(billed), billed.length, holders));
                }
            }
        }
        return decided;
    }

    /** The trajectories' call ids by turn, by trajectory id, as {@link #of} takes a file's. */
    public static Map<String, List<Optional<String>>> callsOf(List<Trajectory> trajectories) {
        Map<String, List<Optional<String>>> calls = new LinkedHashMap<>();
        trajectories.forEach(trajectory ->
                calls.put(trajectory.id(), trajectory.turns().stream().map(TrajectoryTurn::callId).toList()));
        return calls;
    }

    /** A line for each trace that shares calls with another, in the files' order. */
    public List<String> shared() {
        return List.copyOf(shared);
    }

    /** The run with only the calls its trace bills; empty when it bills none of its calls. */
    public Optional<ReplayRun> billed(ReplayRun run) {
        boolean[] billed = billedByTrace.get(run.trace());
        if (billed == null || count(billed) == billed.length) {
            return Optional.of(run);
        }
        return count(billed) == 0 ? Optional.empty() : Optional.of(run.keeping(turn -> billed[turn.turn() - 1]));
    }

    private static Set<String> ids(Map<String, List<Optional<String>>> calls) {
        Set<String> ids = new HashSet<>();
        calls.values().forEach(byTurn -> byTurn.forEach(id -> id.ifPresent(ids::add)));
        return ids;
    }

    /** The trace of a file that holds the call. */
    private static String traceHolding(Map<String, List<Optional<String>>> calls, Optional<String> id) {
        return calls.entrySet().stream().filter(trace -> trace.getValue().contains(id))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
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
