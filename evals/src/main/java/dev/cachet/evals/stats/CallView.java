package dev.cachet.evals.stats;

import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.List;

/**
 * Calls read field by field, by index: a report adds up every call of a year of logs, and a {@link Call} made of
 * each, with its optionals, is garbage it need not make. A missing field is null.
 */
public interface CallView {
    int size();

    String agent(int i);

    /** The model that answered, or null when the log names none. */
    String model(int i);

    /** When it was made, or null when the log does not say. */
    Instant at(int i);

    /** What it billed, or null when the log does not record it. */
    Usage usage(int i);

    boolean ping(int i);

    /** Whether call {@code i} has a time, known without making it. */
    default boolean dated(int i) {
        return at(i) != null;
    }

    /** The seconds of call {@code i}'s time, which it must have, read without making it where the view keeps it so. */
    default long epochSecond(int i) {
        return at(i).getEpochSecond();
    }

    /** Whether call {@code i} recorded its usage, known without making it. */
    default boolean billed(int i) {
        return usage(i) != null;
    }

    /** Adds call {@code i} to {@code totals}, its usage read in place where the view keeps it so. */
    default void addTo(CallTotals totals, int i) {
        totals.add(model(i), usage(i));
    }

    /** {@code calls} read in place: a {@link CallList} as it is, any other list through its calls. */
    static CallView of(List<Call> calls) {
        if (calls instanceof CallView view) {
            return view;
        }
        return new CallView() {
            @Override
            public int size() {
                return calls.size();
            }

            @Override
            public String agent(int i) {
                return calls.get(i).agent();
            }

            @Override
            public String model(int i) {
                return calls.get(i).model().orElse(null);
            }

            @Override
            public Instant at(int i) {
                return calls.get(i).at().orElse(null);
            }

            @Override
            public Usage usage(int i) {
                return calls.get(i).usage().orElse(null);
            }

            @Override
            public boolean ping(int i) {
                return calls.get(i).ping();
            }
        };
    }
}
