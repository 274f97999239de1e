package dev.cachet.evals.stats;

/**
 * A set of longs in one array, open addressing with linear probing: the {@link dev.cachet.evals.trace.CallKey}s of a
 * year of calls in 11 to 21 bytes each, where a {@code HashSet<Long>} takes some 50. The array is filled to three
 * quarters: the keys are hashes, spread evenly, so a probe still finds its slot in a few steps.
 */
final class LongHashSet {
    private static final int MIN_CAPACITY = 16;
    private static final int MAX_CAPACITY = 1 << 30;

    /** Zero marks a free slot, so the key zero is kept aside. */
    private long[] slots;
    private boolean zero;
    private int size;

    LongHashSet() {
        this(0);
    }

    /**
     * A set with room for {@code expected} keys: one given the number ahead is never copied into a larger array, each
     * copy of which, left behind, takes as much memory as the set until the next full collection.
     */
    LongHashSet(int expected) {
        int capacity = MIN_CAPACITY;
        while (!fits(expected, capacity) && capacity < MAX_CAPACITY) {
            capacity *= 2;
        }
        slots = new long[capacity];
    }

    private static boolean fits(long keys, int capacity) {
        return 4 * keys <= 3L * capacity;
    }

    /** Adds {@code key}; false when it was there already. */
    boolean add(long key) {
        if (key == 0) {
            boolean added = !zero;
            zero = true;
            return added;
        }
        if (!fits(size + 1L, slots.length)) {
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

    /** The slots it holds: what its keys take. */
    int capacity() {
        return slots.length;
    }
}
