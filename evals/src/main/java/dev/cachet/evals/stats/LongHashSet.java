package dev.cachet.evals.stats;

/**
 * A set of longs in one array, open addressing with linear probing: the {@link dev.cachet.evals.trace.CallKey}s of a
 * year of calls in 8 to 16 bytes each, where a {@code HashSet<Long>} takes some 50.
 */
final class LongHashSet {
    private static final int MIN_CAPACITY = 16;

    /** Zero marks a free slot, so the key zero is kept aside. */
    private long[] slots = new long[MIN_CAPACITY];
    private boolean zero;
    private int size;

    /** Adds {@code key}; false when it was there already. */
    boolean add(long key) {
        if (key == 0) {
            boolean added = !zero;
            zero = true;
            return added;
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (!insert(slots, key)) {
            return false;
        }
        size++;
        return true;
    }

    private static boolean insert(long[] table, long key) {
        int mask = table.length - 1;
        // The keys are hashes already; the low bits are as good as any.
        for (int i = (int) key & mask; ; i = (i + 1) & mask) {
            if (table[i] == key) {
                return false;
            }
            if (table[i] == 0) {
                table[i] = key;
                return true;
            }
        }
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        for (long key : slots) {
            if (key != 0) {
                insert(larger, key);
            }
        }
        slots = larger;
    }
}
