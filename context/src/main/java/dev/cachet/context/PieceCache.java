package dev.cachet.context;

import java.util.function.ToIntFunction;

/**
 * Token counts of pre-tokenizer pieces, for the pieces that tool output repeats (indentation, keywords, JSON keys,
 * path segments). Direct-mapped: each piece has one slot and a newer piece there replaces the older, so the cache
 * stays the size it was made and needs no locks. Threads share it safely: a slot holds an immutable entry, written
 * and read whole, and a lost race costs only a recount.
 */
final class PieceCache {
    /** Longer pieces are rare enough that caching them would only evict the common ones. */
    static final int LONGEST_CACHED = 32;

    private record Entry(String piece, int tokens) {}

    private final Entry[] slots;
    private final int shift;
    private final ToIntFunction<String> counter;

    /** A cache of {@code slots} entries (rounded up to a power of two, at least 2) in front of {@code counter}. */
    PieceCache(int slots, ToIntFunction<String> counter) {
        this.slots = new Entry[Integer.highestOneBit(Math.max(1, slots - 1)) << 1];
        this.shift = Integer.numberOfLeadingZeros(this.slots.length) + 1;
        this.counter = counter;
    }

    /** The tokens of {@code text[start, end)}. */
    int tokens(String text, int start, int end) {
        int length = end - start;
        if (length > LONGEST_CACHED) {
            return counter.applyAsInt(text.substring(start, end));
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        int slot = (hash * 0x9E3779B9) >>> shift; // Fibonacci hashing: the high bits mix every char.
        Entry entry = slots[slot];
        if (entry != null && entry.piece.length() == length && entry.piece.regionMatches(0, text, start, length)) {
            return entry.tokens;
        }
        String piece = text.substring(start, end);
        int tokens = counter.applyAsInt(piece);
        slots[slot] = new Entry(piece, tokens);
        return tokens;
    }
}
