package dev.cachet.evals.replay;

import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
     * Each call billed in the trace {@link CallOwners} gives it; each trace that shares calls with another is said.
     *
     * @param callsByFile per file, in the files' order, its traces' calls; trace ids are unique over all the files
     */
    public static BilledOnce of(List<Map<String, TraceCalls>> callsByFile) {
        CallOwners owners = CallOwners.of(callsByFile);
        BilledOnce decided = new BilledOnce();
        for (Map<String, TraceCalls> file : callsByFile) {
            for (Map.Entry<String, TraceCalls> trace : file.entrySet()) {
                // The other traces that bill its calls, in the order its calls meet them.
                Set<String> elsewhere = new LinkedHashSet<>();
                boolean[] billed = billed(trace.getKey(), trace.getValue().ids(), owners, elsewhere);
                decided.billedByTrace.put(trace.getKey(), billed);
                if (!elsewhere.isEmpty()) {
                    decided.shared.add(said(trace.getKey(), count(billed), billed.length, List.copyOf(elsewhere)));
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

    /**
     * Which of a trace's calls it bills: those it owns, each once (a log may hold a line of its own twice);
     * {@code elsewhere} gets the other traces that bill the rest.
     */
    private static boolean[] billed(String trace, List<Optional<String>> ids, CallOwners owners,
            Set<String> elsewhere) {
        boolean[] billed = new boolean[ids.size()];
        Set<String> seen = new HashSet<>();
        for (int turn = 0; turn < ids.size(); turn++) {
            Optional<String> id = ids.get(turn);
            String owner = id.isEmpty() ? trace : owners.owner(id.get(), trace);
            billed[turn] = owner.equals(trace) && (id.isEmpty() || seen.add(id.get()));
            if (!owner.equals(trace)) {
                elsewhere.add(owner);
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
