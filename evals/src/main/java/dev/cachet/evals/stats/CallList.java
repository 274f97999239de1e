package dev.cachet.evals.stats;

import dev.cachet.evals.trace.SideCall;
import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.evals.trace.TurnColumns;
import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Predicate;

/**
 * Calls as places in the summaries that hold them: a report over a year of logs keeps every call it counted until it
 * prints, 8 bytes each here, where the calls themselves would take some 150. A {@link Call} is made again each time
 * one is asked for. Calls are added at the end; to its readers it is an unmodifiable list.
 */
public final class CallList extends AbstractList<Call> implements CallView, RandomAccess {
    private final List<TraceSummary> parts = new ArrayList<>();
    /** Per call: its summary's index in {@link #parts}. */
    private int[] partOf;
    /** Per call: its turn's index in its summary, or past its turns the index of a side call after them. */
    private int[] place;
    private int size;

    public CallList() {
        this(16);
    }

    /** A list with room for {@code capacity} calls before it grows. */
    public CallList(int capacity) {
        partOf = new int[capacity];
        place = new int[capacity];
    }

    /** Adds the turn of {@code summary} at {@code turn}, or past its turns its side call at {@code turn - turns}. */
    void add(TraceSummary summary, int turn) {
        if (parts.isEmpty() || parts.get(parts.size() - 1) != summary) {
            parts.add(summary);
        }
        if (size == place.length) {
            partOf = Arrays.copyOf(partOf, Math.max(16, size * 2));
            place = Arrays.copyOf(place, Math.max(16, size * 2));
        }
        partOf[size] = parts.size() - 1;
        place[size] = turn;
        size++;
    }

    /** Adds every call of {@code calls}, in order. */
    public void addAll(CallList calls) {
        for (int i = 0; i < calls.size; i++) {
            add(calls.parts.get(calls.partOf[i]), calls.place[i]);
        }
    }

    /** Those of these calls {@code keep} accepts, in order. */
    public CallList filter(Predicate<Call> keep) {
        CallList kept = new CallList();
        for (int i = 0; i < size; i++) {
            if (keep.test(get(i))) {
                kept.add(parts.get(partOf[i]), place[i]);
            }
        }
        return kept;
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * The call at {@code index}: a turn falls back on its summary's model; a ping is the session's own agent's, a
     * summary the {@linkplain SideCall#SUMMARIZER summarizer}'s.
     */
    @Override
    public Call get(int index) {
        Objects.checkIndex(index, size);
        return new Call(parts.get(partOf[index]).session(), agent(index), Optional.ofNullable(model(index)),
                Optional.ofNullable(at(index)), Optional.ofNullable(usage(index)), ping(index));
    }

    /** The id of the trace that holds the call at {@code i}. */
    public String trace(int i) {
        return parts.get(partOf[i]).id();
    }

    /** The index of the call at {@code i} among its trace's turns; -1 for a side call after them (a ping, a summary). */
    public int turn(int i) {
        return place[i] < columns(i).size() ? place[i] : -1;
    }

    /** The index of the call at {@code i} among its trace's side calls; -1 for one of its turns. */
    public int sideCall(int i) {
        return isTurn(i) ? -1 : place[i] - columns(i).size();
    }

    @Override
    public String agent(int i) {
        int turn = place[i];
        TurnColumns turns = columns(i);
        if (turn < turns.size()) {
            return turns.agent(turn);
        }
        return side(i).kind() == SideCall.Kind.PING ? TrajectoryTurn.MAIN : SideCall.SUMMARIZER;
    }

    @Override
    public String model(int i) {
        TraceSummary part = parts.get(partOf[i]);
        TurnColumns turns = part.columns();
        int turn = place[i];
        if (turn >= turns.size()) {
            // At the model of the turn it came before (a resumed session may have changed models), else the last.
            turn = Math.min(side(i).beforeTurn(), turns.size() - 1);
        }
        String model = turn < 0 ? null : turns.model(turn);
        return model != null ? model : part.model().orElse(null);
    }

    @Override
    public Instant at(int i) {
        int turn = place[i];
        TurnColumns turns = columns(i);
        return turn < turns.size() ? turns.at(turn) : side(i).at().orElse(null);
    }

    @Override
    public Usage usage(int i) {
        int turn = place[i];
        TurnColumns turns = columns(i);
        return turn < turns.size() ? turns.usage(turn) : side(i).usage().orElse(null);
    }

    @Override
    public boolean ping(int i) {
        return place[i] >= columns(i).size() && side(i).kind() == SideCall.Kind.PING;
    }

    // A turn's fields are read in place; a side call's (a few in a session, if any) as the view reads any call's.

    @Override
    public boolean dated(int i) {
        return isTurn(i) ? columns(i).dated(place[i]) : CallView.super.dated(i);
    }

    @Override
    public long epochSecond(int i) {
        return isTurn(i) ? columns(i).epochSecond(place[i]) : CallView.super.epochSecond(i);
    }

    @Override
    public boolean billed(int i) {
        return isTurn(i) ? columns(i).billed(place[i]) : CallView.super.billed(i);
    }

    @Override
    public void addTo(CallTotals totals, int i) {
        if (isTurn(i)) {
            totals.add(model(i), columns(i), place[i]);
        } else {
            CallView.super.addTo(totals, i);
        }
    }

    /** Whether call {@code i} is one of its summary's turns, not a side call after them. */
    private boolean isTurn(int i) {
        return place[i] < columns(i).size();
    }

    private TurnColumns columns(int i) {
        Objects.checkIndex(i, size);
        return parts.get(partOf[i]).columns();
    }

    /** The side call at {@code i}, which lies past its summary's turns. */
    private SideCall side(int i) {
        TraceSummary part = parts.get(partOf[i]);
        return part.sideCalls().get(place[i] - part.columns().size());
    }
}
