package dev.cachet.context;

import java.util.Arrays;

/**
 * The tokens byte-pair encoding makes of one pre-tokenizer piece: from single bytes, the adjacent pair whose bytes
 * are the lowest-ranked token merges, the leftmost of equal ranks, until no pair is a token. Pairs wait in a heap, so
 * a long piece (a run of one character) costs n log n, not n squared.
 */
final class BytePairCount {
    private final O200kRanks ranks;

    BytePairCount(O200kRanks ranks) {
        this.ranks = ranks;
    }

    int count(byte[] piece) {
        int n = piece.length;
        if (n <= 1 || ranks.rank(piece, 0, n) != O200kRanks.NONE) {
            return Math.min(n, 1);
        }
        // Parts by the index of their first byte: where the next one starts (n after the last), where the one before
        // starts (-1 before the first), and the rank of the part merged with the next (NONE after the last).
        int[] next = new int[n];
        int[] previous = new int[n];
        int[] pairRank = new int[n];
        Heap heap = new Heap(n);
        for (int i = 0; i < n; i++) {
            next[i] = i + 1;
            previous[i] = i - 1;
            pairRank[i] = i + 2 <= n ? ranks.rank(piece, i, i + 2) : O200kRanks.NONE;
            heap.push(pairRank[i], i);
        }
        int parts = n;
        while (!heap.isEmpty()) {
            long top = heap.pop();
            int rank = (int) (top >>> 32);
            int part = (int) top;
            if (pairRank[part] != rank) {
                continue; // merged away, or its pair changed since
            }
            int merged = next[part];
            next[part] = next[merged];
            if (next[part] < n) {
                previous[next[part]] = part;
            }
            pairRank[merged] = O200kRanks.NONE;
            parts--;
            pairRank[part] = pair(piece, part, next, n);
            heap.push(pairRank[part], part);
            int before = previous[part];
            if (before >= 0) {
                pairRank[before] = pair(piece, before, next, n);
                heap.push(pairRank[before], before);
            }
        }
        return parts;
    }

    /** The rank of the part at {@code part} merged with the next one. */
    private int pair(byte[] piece, int part, int[] next, int n) {
        int second = next[part];
        return second < n ? ranks.rank(piece, part, next[second]) : O200kRanks.NONE;
    }

    /** A min-heap of (rank, part) pairs, packed in longs so that the lower rank, then the earlier part, comes first. */
    private static final class Heap {
        private long[] items;
        private int size;

        Heap(int capacity) {
            items = new long[Math.max(capacity, 4)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** Adds a pair, unless it is no token ({@link O200kRanks#NONE}): such a pair never merges. */
        void push(int rank, int part) {
            if (rank == O200kRanks.NONE) {
                return;
            }
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            long item = (long) rank << 32 | part;
            int i = size++;
            while (i > 0 && items[(i - 1) / 2] > item) {
                items[i] = items[(i - 1) / 2];
                i = (i - 1) / 2;
            }
            items[i] = item;
        }

        long pop() {
            long top = items[0];
            long last = items[--size];
            int i = 0;
            while (2 * i + 1 < size) {
                int child = 2 * i + 1;
                if (child + 1 < size && items[child + 1] < items[child]) {
                    child++;
                }
                if (items[child] >= last) {
                    break;
                }
                items[i] = items[child];
                i = child;
            }
            items[i] = last;
            return top;
        }
    }
}
