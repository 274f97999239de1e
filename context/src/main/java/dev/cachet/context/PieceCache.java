package dev.cachet.context;

import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * Token counts of pre-tokenizer pieces, for the pieces that tool output repeats (indentation, keywords, JSON keys,
 * path segments). Direct-mapped: each piece has one slot and a newer piece there replaces the older, so the cache
 * stays the size it was made and needs no locks. Threads share it safely: a slot holds an entry that is never changed
 * once made (its final fields publish its piece's chars), written and read whole, and a lost race costs a recount.
 */
final class PieceCache {
    /** Longer pieces are rare enough that caching them would only evict the common ones. */
    static final int LONGEST_CACHED = 32;

    private record Entry(char[] piece, int tokens) {
        /** A plain loop: pieces are a few chars, too short for {@code Arrays.equals} to pay its set-up. */
        boolean holds(char[] text, int start, int end) {
            if (piece.length != end - start) {
                return false;
            }
            for (int i = 0; i < piece.length; i++) {
                if (piece[i] != text[start + i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A piece of at most 8 chars, each below 0x100 (most pieces: a word with its space, an indentation), packed a char
     * a byte into a long, so that telling it from another takes one comparison instead of a loop.
     */
    private record Packed(long chars, int length, int tokens) {}

    private final Entry[] slots;
    private final Packed[] packedSlots;
    private final int shift;
    private final ToIntFunction<String> counter;

    /**
     * A cache of {@code slots} entries (rounded up to a power of two, at least 2), as many again for packed pieces, in
     * front of {@code counter}.
     */
    PieceCache(int slots, ToIntFunction<String> counter) {
        this.slots = new Entry[Integer.highestOneBit(Math.max(1, slots - 1)) << 1];
        this.packedSlots = new Packed[this.slots.length];
        this.shift = Integer.numberOfLeadingZeros(this.slots.length) + 1;
        this.counter = counter;
    }

    /** The tokens of {@code text[start, end)}. */
    int tokens(char[] text, int start, int end) {
        int length = end - start;
        if (length <= Long.BYTES) {
            long chars = 0;
            int i = start;
            for (; i < end && text[i] <= 0xFF; i++) {
                chars = packed(chars, text[i]);
            }
            if (i == end) {
                return packedTokens(text, start, end, chars);
            }
        }
        if (length > LONGEST_CACHED) {
            return counter.applyAsInt(new String(text, start, end - start));
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text[i];
        }
        int slot = (hash * 0x9E3779B9) >>> shift; // Fibonacci hashing: the high bits mix every char.
        Entry entry = slots[slot];
        if (entry != null && entry.holds(text, start, end)) {
            return entry.tokens;
        }
        char[] piece = Arrays.copyOfRange(text, start, end);
        int tokens = counter.applyAsInt(new String(piece));
        slots[slot] = new Entry(piece, tokens);
        return tokens;
    }

    /** {@code chars} (earlier chars of a piece, packed) with {@code c}, a char below 0x100, packed after them. */
    static long packed(long chars, char c) {
        return chars << Byte.SIZE | c;
    }

    /** {@link #tokens} of a piece of at most 8 chars below 0x100, packed into {@code chars}. */
    int packedTokens(char[] text, int start, int end, long chars) {
        int length = end - start;
        int slot = (int) ((chars + length) * 0x9E3779B97F4A7C15L >>> (shift + Integer.SIZE));
        Packed entry = packedSlots[slot];
        if (entry != null && entry.chars == chars && entry.length == length) {
            return entry.tokens;
        }
        int tokens = counter.applyAsInt(new String(text, start, length));
        packedSlots[slot] = new Packed(chars, length, tokens);
        return tokens;
    }
}
