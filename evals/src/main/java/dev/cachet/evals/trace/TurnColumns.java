package dev.cachet.evals.trace;

import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.RandomAccess;

/**
 * A summary's turns as columns of primitives: a report keeps every call of a year of logs until it prints, and a
 * {@link TraceSummary.Turn} with its optionals, instant and usage takes some 250 bytes, the same call here 30 to 40:
 * what the turns share (their agent, their model) is kept once, a count no turn has is not kept, and a time is kept as
 * seconds from the first. A turn is made again, as a list element, when asked for.
 */
public final class TurnColumns extends AbstractList<TraceSummary.Turn> implements RandomAccess {
    private static final int USAGE_FIELDS = 6;
    private static final byte KEY = 1;
    private static final byte AT = 2;
    private static final byte USAGE = 4;

    private final byte[] present;
    /** Null where no turn has an id. */
    private final long[] keys;
    private final NameColumn agents;
    /** A null name where the log names no model. */
    private final NameColumn models;
    /** The seconds of the first time given: the others are kept as their change from it. */
    private final long firstSecond;
    private final LongColumn seconds;
    /** Null where no turn has a time. */
    private final int[] nanos;
    /** A column per count, in {@link Usage}'s order. */
    private final LongColumn[] counts;

    private TurnColumns(Builder built) {
        present = built.present;
        keys = built.keys;
        agents = built.agents;
        models = built.models;
        firstSecond = built.firstSecond;
        seconds = built.seconds;
        nanos = built.nanos;
        counts = built.counts;
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
     * is read without a {@link TraceSummary.Turn} made for each. A column takes room only as its values need it.
     */
    public static final class Builder {
        private final byte[] present;
        private long[] keys;
        private final NameColumn agents;
        private final NameColumn models;
        private long firstSecond;
        private final LongColumn seconds;
        private int[] nanos;
        private final LongColumn[] counts = new LongColumn[USAGE_FIELDS];
        private int turn = -1;
        private boolean built;

        /** @param size the number of turns that will be given */
        public Builder(int size) {
            present = new byte[size];
            agents = new NameColumn(size);
            models = new NameColumn(size);
            seconds = new LongColumn(size);
            for (int field = 0; field < USAGE_FIELDS; field++) {
                counts[field] = new LongColumn(size);
            }
        }

        /** Starts the next turn, with no key, time or usage until given. */
        public void next(String agent, String modelOrNull) {
            checkOpen();
            turn++;
            // A year of logs names a few agents and models: each name is kept once, not once per call.
            agents.add(turn, agent.intern());
            models.add(turn, modelOrNull == null ? null : modelOrNull.intern());
        }

        public void key(long key) {
            checkOpen();
            if (keys == null) {
                keys = new long[present.length];
            }
            present[turn] |= KEY;
            keys[turn] = key;
        }

        /** The turn's time; refused unless it is an {@link Instant}'s, so that reading the turn cannot fail. */
        public void at(long epochSecond, int nano) {
            if (epochSecond < Instant.MIN.getEpochSecond() || epochSecond > Instant.MAX.getEpochSecond()
                    || nano < 0 || nano >= 1_000_000_000) {
                throw new IllegalArgumentException("no instant is " + epochSecond + " s and " + nano + " ns");
            }
            checkOpen();
            if (nanos == null) {
                nanos = new int[present.length];
                firstSecond = epochSecond;
            }
            present[turn] |= AT;
            seconds.set(turn, epochSecond - firstSecond);
            nanos[turn] = nano;
        }

        /** The turn's usage, its counts in {@link Usage}'s order; refused unless a {@link Usage} could hold them. */
        public void usage(long uncachedInput, long cacheWrite, long cacheRead, long output, long reasoning,
                long cacheWrite1h) {
            Usage.checkHourWrites(cacheWrite, cacheWrite1h);
            checkOpen();
            present[turn] |= USAGE;
            counts[0].set(turn, uncachedInput);
            counts[1].set(turn, cacheWrite);
            counts[2].set(turn, cacheRead);
            counts[3].set(turn, output);
            counts[4].set(turn, reasoning);
            counts[5].set(turn, cacheWrite1h);
        }

        /** The columns, every turn given; the builder takes no more. */
        public TurnColumns build() {
            checkOpen();
            if (turn + 1 != present.length) {
                throw new IllegalStateException("columns given " + (turn + 1) + " of " + present.length + " turns");
            }
            built = true;
            return new TurnColumns(this);
        }

        private void checkOpen() {
            if (built) {
                throw new IllegalStateException("the columns are built");
            }
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
        return keyed(i) ? keys[i] : 0;
    }

    public String agent(int i) {
        return agents.get(i);
    }

    /** The model that answered, or null when the log names none. */
    public String model(int i) {
        return models.get(i);
    }

    public Instant at(int i) {
        return dated(i) ? Instant.ofEpochSecond(epochSecond(i), nanos[i]) : null;
    }

    /** Whether the turn's log gave its time, whose {@link #epochSecond} is read without making an instant. */
    public boolean dated(int i) {
        return (present[i] & AT) != 0;
    }

    /** The seconds of the turn's time; 0 for a turn not {@link #dated}. */
    public long epochSecond(int i) {
        return dated(i) ? firstSecond + seconds.get(i) : 0;
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
        return counts[0].get(i);
    }

    public long cacheWrite(int i) {
        return counts[1].get(i);
    }

    public long cacheRead(int i) {
        return counts[2].get(i);
    }

    public long output(int i) {
        return counts[3].get(i);
    }

    public long reasoning(int i) {
        return counts[4].get(i);
    }

    public long cacheWrite1h(int i) {
        return counts[5].get(i);
    }
}
