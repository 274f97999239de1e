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
 * Which calls each trace bills, so that a call several traces hold is billed once. A trace whose calls are all billed
 * in another is not reported; one that shares some is replayed whole (the shared calls are its history, and warm or
 * cool its cache as they did) with only its own calls billed. Its calls keep their numbers in the trace.
 */
public final class BilledOnce {
    /** A trace's call ids by turn (empty where its log names none), and whether it has a recorded bill. */
    public record TraceCalls(List<Optional<String>> ids, boolean recorded) {
        public TraceCalls {
            ids = List.copyOf(ids);
        }
    }

    private final Map<String, boolean[]> billedByTrace = new HashMap<>();
    /** Where a trace's side calls are billed apart from the calls they came before, which of them it bills. */
    private final Map<String, boolean[]> sideCallsByTrace = new HashMap<>();
    private final List<String> shared = new ArrayList<>();

    private BilledOnce() {}

    /**
     * Each call billed in the file {@link CallOwners} gives it; each trace that shares calls with another is said.
     *
     * @param callsByFile per file, in the files' order, its traces' calls; trace ids are unique over all the files
     */
    public static BilledOnce of(List<Map<String, TraceCalls>> callsByFile) {
        CallOwners owners = CallOwners.of(callsByFile.stream().map(file -> ids(file, true)).toList(),
                callsByFile.stream().map(file -> ids(file, false)).toList());
        BilledOnce decided = new BilledOnce();
        for (int file = 0; file < callsByFile.size(); file++) {
            for (Map.Entry<String, TraceCalls> trace : callsByFile.get(file).entrySet()) {
                // The first call each other file bills, to name the trace there that holds it.
                Map<Integer, Optional<String>> elsewhere = new LinkedHashMap<>();
                boolean[] billed = billed(file, trace.getValue().ids(), owners, elsewhere);
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

    /** Whether a trace bills its call at an index: among its turns, or among its side calls. */
    @FunctionalInterface
    public interface BilledAt {
        boolean test(String trace, int call);
    }

    /**
     * Each trajectory bills the calls {@code billed} names by place, whether or not its log names their ids, and the
     * side calls (cachet's pings and summaries) {@code sideCalls} names by their index among its side calls.
     */
    public static BilledOnce where(List<Trajectory> trajectories, BilledAt billed, BilledAt sideCalls) {
        BilledOnce decided = new BilledOnce();
        for (Trajectory trajectory : trajectories) {
            decided.billedByTrace.put(trajectory.id(), billed(trajectory.id(), trajectory.turns().size(), billed));
            decided.sideCallsByTrace.put(trajectory.id(),
                    billed(trajectory.id(), trajectory.sideCalls().size(), sideCalls));
        }
        return decided;
    }

    private static boolean[] billed(String trace, int calls, BilledAt billed) {
        boolean[] own = new boolean[calls];
        for (int call = 0; call < calls; call++) {
            own[call] = billed.test(trace, call);
        }
        return own;
    }

    /** The trajectories' calls, by trajectory id, as {@link #of} takes a file's. */
    public static Map<String, TraceCalls> callsOf(List<Trajectory> trajectories) {
        Map<String, TraceCalls> calls = new LinkedHashMap<>();
        trajectories.forEach(trajectory -> calls.put(trajectory.id(), new TraceCalls(
                trajectory.turns().stream().map(TrajectoryTurn::callId).toList(), trajectory.hasRecordedUsage())));
        return calls;
    }

    /** A line for each trace that shares calls with another, in the files' order. */
    public List<String> shared() {
        return List.copyOf(shared);
    }

    /** The run with only the calls its trace bills; empty when it bills none of its calls. */
    public Optional<ReplayRun> billed(ReplayRun run) {
        boolean[] billed = billedByTrace.get(run.trace());
        boolean[] sideCalls = sideCallsByTrace.get(run.trace());
        if (sideCalls != null) {
            ReplayRun counted = run.counting(turn -> billed[turn - 1], side -> sideCalls[side]);
            return counted.turns().isEmpty() ? Optional.empty() : Optional.of(counted);
        }
        if (billed == null || count(billed) == billed.length) {
            return Optional.of(run);
        }
        return count(billed) == 0 ? Optional.empty() : Optional.of(run.keeping(turn -> billed[turn.turn() - 1]));
    }

    /** A file's call ids: of its traces with a recorded bill, or of all of them. */
    private static Set<String> ids(Map<String, TraceCalls> file, boolean recordedOnly) {
        Set<String> ids = new HashSet<>();
        file.values().stream().filter(trace -> trace.recorded() || !recordedOnly)
                .forEach(trace -> trace.ids().forEach(id -> id.ifPresent(ids::add)));
        return ids;
    }

    /** The trace of a file that holds the call. */
    private static String traceHolding(Map<String, TraceCalls> file, Optional<String> id) {
        return file.entrySet().stream().filter(trace -> trace.getValue().ids().contains(id))
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
        String where = String.join(", ", holders);
        if (own == 0) {
            return trace + ": not reported apart: " + (calls == 1 ? "its call is" : "its " + calls + " calls are")
                    + " also in " + where + ", whose rows bill " + (calls == 1 ? "it" : "them");
        }
        int others = calls - own;
        return trace + ": " + others + " of its " + calls + " calls " + (others == 1 ? "is" : "are") + " also in "
                + where + ", whose rows bill " + (others == 1 ? "it" : "them") + "; its own rows hold the other " + own;
    }

    private static int count(boolean[] billed) {
        int count = 0;
        for (boolean b : billed) {
            count += b ? 1 : 0;
        }
        return count;
    }
}
