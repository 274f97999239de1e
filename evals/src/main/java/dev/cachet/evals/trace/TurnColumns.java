package dev.cachet.evals.trace;

import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.RandomAccess;

/**
 * A summary's turns as columns of primitives: a report keeps every call of a year of logs until it prints, and a
 * {@link TraceSummary.Turn} with its optionals, instant and usage takes some 250 bytes, the same call here 50. A turn
 * is made again, as a list element, when asked for.
 */
public final class TurnColumns extends AbstractList<TraceSummary.Turn> implements RandomAccess {
    private static final int USAGE_FIELDS = 6;
    private static final byte KEY = 1;
    private static final byte AT = 2;
    private static final byte USAGE = 4;

    private final byte[] present;
    private final long[] keys;
    private final String[] agents;
    /** Null where the log names no model. */
    private final String[] models;
    private final long[] seconds;
    private final int[] nanos;
    /**
     * {@link #USAGE_FIELDS} per turn, in {@link Usage}'s order: as ints where every count fits one (a call's tokens
     * are bounded by its context window, millions at most), else as longs.
     */
    private final int[] usages;
    private final long[] wideUsages;

    private TurnColumns(int size, boolean wide) {
        present = new byte[size];
        keys = new long[size];
        agents = new String[size];
        models = new String[size];
        seconds = new long[size];
        nanos = new int[size];
        usages = wide ? null : new int[size * USAGE_FIELDS];
        wideUsages = wide ? new long[size * USAGE_FIELDS] : null;
    }

    /** {@code turns} as columns; columns are returned as they are. */
    public static TurnColumns of(List<TraceSummary.Turn> turns) {
        if (turns instanceof TurnColumns columns) {
            return columns;
        }
        boolean wide = turns.stream().flatMap(turn -> turn.usage().stream()).anyMatch(TurnColumns::wide);
        TurnColumns columns = new TurnColumns(turns.size(), wide);
        for (int i = 0; i < turns.size(); i++) {
            columns.store(i, turns.get(i));
        }
        return columns;
    }

    private void store(int i, TraceSummary.Turn turn) {
        byte flags = 0;
        if (turn.callKey().isPresent()) {
            flags |= KEY;
            keys[i] = turn.callKey().getAsLong();
        }
        // A year of logs names a few agents and models: each name is kept once, not once per call.
        agents[i] = turn.agent().intern();
        models[i] = turn.model().map(String::intern).orElse(null);
        if (turn.at().isPresent()) {
            flags |= AT;
            seconds[i] = turn.at().get().getEpochSecond();
            nanos[i] = turn.at().get().getNano();
        }
        if (turn.usage().isPresent()) {
            flags |= USAGE;
            long[] counts = counts(turn.usage().get());
            for (int field = 0; field < USAGE_FIELDS; field++) {
                if (wideUsages != null) {
                    wideUsages[i * USAGE_FIELDS + field] = counts[field];
                } else {
                    usages[i * USAGE_FIELDS + field] = (int) counts[field];
                }
            }
        }
        present[i] = flags;
    }

    @Override
    public int size() {
        return present.length;
    }

    @Override
    public TraceSummary.Turn get(int i) {
        return new TraceSummary.Turn(callKey(i), agent(i), model(i), at(i), usage(i));
    }

    public OptionalLong callKey(int i) {
        return (present[i] & KEY) != 0 ? OptionalLong.of(keys[i]) : OptionalLong.empty();
    }

    public String agent(int i) {
        return agents[i];
    }

    public Optional<String> model(int i) {
        return Optional.ofNullable(models[i]);
    }

    public Optional<Instant> at(int i) {
        return (present[i] & AT) != 0 ? Optional.of(Instant.ofEpochSecond(seconds[i], nanos[i])) : Optional.empty();
    }

    public Optional<Usage> usage(int i) {
        if ((present[i] & USAGE) == 0) {
            return Optional.empty();
        }
        int at = i * USAGE_FIELDS;
        return Optional.of(new Usage(count(at), count(at + 1), count(at + 2), count(at + 3), count(at + 4),
                count(at + 5)));
    }

    private long count(int at) {
        return wideUsages != null ? wideUsages[at] : usages[at];
    }

    private static long[] counts(Usage usage) {
        return new long[] {usage.uncachedInput(), usage.cacheWrite(), usage.cacheRead(), usage.output(),
            usage.reasoning(), usage.cacheWrite1h()};
    }

    private static boolean wide(Usage usage) {
        return Arrays.stream(counts(usage)).anyMatch(count -> count < Integer.MIN_VALUE || count > Integer.MAX_VALUE);
    }
}
