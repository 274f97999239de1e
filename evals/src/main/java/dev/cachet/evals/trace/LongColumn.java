package dev.cachet.evals.trace;

import java.util.Objects;

/**
 * Numbers in the least room that holds each exactly: nothing while all are zero (a count a log never fills, as Codex's
 * cache writes), an int each while each fits one (a call's tokens, a turn's seconds from the first), else a long each.
 */
final class LongColumn {
    private final int size;
    private int[] ints;
    private long[] longs;

    /** A column of {@code size} zeros. */
    LongColumn(int size) {
        this.size = size;
    }

    long get(int i) {
        Objects.checkIndex(i, size);
        return longs != null ? longs[i] : ints != null ? ints[i] : 0;
    }

    void set(int i, long value) {
        Objects.checkIndex(i, size);
        if (longs == null && (int) value != value) {
            longs = new long[size];
            for (int j = 0; ints != null && j < size; j++) {
                longs[j] = ints[j];
            }
            ints = null;
        }
        if (longs != null) {
            longs[i] = value;
        } else if (ints != null || value != 0) {
            if (ints == null) {
                ints = new int[size];
            }
            ints[i] = (int) value;
        }
    }
}
