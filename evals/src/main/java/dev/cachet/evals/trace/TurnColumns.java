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
     * are bounded by its context window, millions at most), else as longs; the other is null.
     */
    private final int[] usages;
    private final long[] wideUsages;

    /** Columns for {@code size} turns, their usages kept by the {@link Builder} until it is done. */
    private TurnColumns(int size) {
        present = new byte[size];
        keys = new long[size];
        agents = new String[size];
        models = new String[size];
        seconds = new long[size];
        nanos = new int[size];
        usages = null;
        wideUsages = null;
    }

    private TurnColumns(TurnColumns filled, int[] usages, long[] wideUsages) {
        present = filled.present;
        keys = filled.keys;
        agents = filled.agents;
        models = filled.models;
        seconds = filled.seconds;
        nanos = filled.nanos;
        this.usages = usages;
        this.wideUsages = wideUsages;
    }

    /** {@code turns} as columns; columns are returned as they are. */
    public static TurnColumns of(List<TraceSummary.Turn> turns) {
        if (turns instanceof TurnColumns columns) {
            return columns;
        }
        Builder builder = new Builder(turns.size());
        for (TraceSummary.Turn turn : turns) {
            builder.next(turn.agent(), turn.model().orElse(null));
            turn.callKey().ifPresent(builder::key);
            turn.at().ifPresent(at -> builder.at(at.getEpochSecond(), at.getNano()));
            turn.usage().ifPresent(usage -> builder.usage(usage.uncachedInput(), usage.cacheWrite(),
                    usage.cacheRead(), usage.output(), usage.reasoning(), usage.cacheWrite1h()));
        }
        return builder.build();
    }

    /**
     * Fills the columns a turn at a time, field by field, as the summary cache decodes them: a year of cached calls
     * is read without a {@link TraceSummary.Turn} made for each. Counts are kept as ints until one does not fit.
     */
    public static final class Builder {
        private TurnColumns filling;
        private int[] usages;
        private long[] wideUsages;
        private int turn = -1;

        /** @param size the number of turns that will be given */
        public Builder(int size) {
            filling = new TurnColumns(size);
            usages = new int[Math.multiplyExact(size, USAGE_FIELDS)];
        }

        /** Starts the next turn, with no key, time or usage until given. */
        public void next(String agent, String modelOrNull) {
            turn++;
            // A year of logs names a few agents and models: each name is kept once, not once per call.
            filling().agents[turn] = agent.intern();
            filling.models[turn] = modelOrNull == null ? null : modelOrNull.intern();
        }

        public void key(long key) {
            filling().present[turn] |= KEY;
            filling.keys[turn] = key;
        }

        /** The turn's time; refused unless it is an {@link Instant}'s, so that reading the turn cannot fail. */
        public void at(long epochSecond, int nano) {
            if (epochSecond < Instant.MIN.getEpochSecond() || epochSecond > Instant.MAX.getEpochSecond()
                    || nano < 0 || nano >= 1_000_000_000) {
                throw new IllegalArgumentException("no instant is " + epochSecond + " s and " + nano + " ns");
            }
            filling().present[turn] |= AT;
            filling.seconds[turn] = epochSecond;
            filling.nanos[turn] = nano;
        }

        /** The turn's usage, its counts in {@link Usage}'s order; refused unless a {@link Usage} could hold them. */
        public void usage(long uncachedInput, long cacheWrite, long cacheRead, long output, long reasoning,
                long cacheWrite1h) {
            Usage.checkHourWrites(cacheWrite, cacheWrite1h);
            filling().present[turn] |= USAGE;
            int at = turn * USAGE_FIELDS;
            put(at, uncachedInput);
            put(at + 1, cacheWrite);
            put(at + 2, cacheRead);
            put(at + 3, output);
            put(at + 4, reasoning);
            put(at + 5, cacheWrite1h);
        }

        private void put(int at, long count) {
            if (usages != null && (int) count != count) {
                wideUsages = Arrays.stream(usages).asLongStream().toArray();
                usages = null;
            }
            if (usages != null) {
                usages[at] = (int) count;
            } else {
                wideUsages[at] = count;
            }
        }

        /** The columns, every turn given; the builder takes no more. */
        public TurnColumns build() {
            if (turn + 1 != filling().size()) {
                throw new IllegalStateException("columns given " + (turn + 1) + " of " + filling.size() + " turns");
            }
            TurnColumns built = new TurnColumns(filling, usages, wideUsages);
            filling = null;
            return built;
        }

        private TurnColumns filling() {
            if (filling == null) {
                throw new IllegalStateException("the columns are built");
            }
            return filling;
        }
    }

    @Override
    public int size() {
        return present.length;
    }

    @Override
    public TraceSummary.Turn get(int i) {
        return new TraceSummary.Turn(keyed(i) ? OptionalLong.of(key(i)) : OptionalLong.empty(), agent(i),
                Optional.ofNullable(model(i)), Optional.ofNullable(at(i)), Optional.ofNullable(usage(i)));
    }

    // The fields of a turn, read in place: a report reads every call of a year of logs, and an optional for each field
    // of each is garbage it need not make. A missing field is null.

    /** Whether the turn's log gave it an id, kept as its {@link #key}. */
    public boolean keyed(int i) {
        return (present[i] & KEY) != 0;
    }

    /** The {@link CallKey} of the turn's id; 0 for a turn not {@link #keyed}. */
    public long key(int i) {
        return keys[i];
    }

    public String agent(int i) {
        return agents[i];
    }

    /** The model that answered, or null when the log names none. */
    public String model(int i) {
        return models[i];
    }

    public Instant at(int i) {
        return (present[i] & AT) != 0 ? Instant.ofEpochSecond(seconds[i], nanos[i]) : null;
    }

    public Usage usage(int i) {
        return billed(i) ? new Usage(uncachedInput(i), cacheWrite(i), cacheRead(i), output(i), reasoning(i),
                cacheWrite1h(i)) : null;
    }

    /** Whether the turn's log recorded its usage, whose counts the accessors below read; 0 where it did not. */
    public boolean billed(int i) {
        return (present[i] & USAGE) != 0;
    }

    public long uncachedInput(int i) {
        return count(i * USAGE_FIELDS);
    }

    public long cacheWrite(int i) {
        return count(i * USAGE_FIELDS + 1);
    }

    public long cacheRead(int i) {
        return count(i * USAGE_FIELDS + 2);
    }

    public long output(int i) {
        return count(i * USAGE_FIELDS + 3);
    }

    public long reasoning(int i) {
        return count(i * USAGE_FIELDS + 4);
    }

    public long cacheWrite1h(int i) {
        return count(i * USAGE_FIELDS + 5);
    }

    private long count(int at) {
        return wideUsages != null ? wideUsages[at] : usages[at];
    }
}
