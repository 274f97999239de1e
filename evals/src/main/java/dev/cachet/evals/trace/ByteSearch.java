package dev.cachet.evals.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the first of two bytes in an array eight bytes at a time, where a byte-by-byte loop would take most of the
 * time of streaming logs (lines split at newlines, strings at quotes): a word is tested for either byte with a few
 * arithmetic steps, as the JIT that command-line runs use (C1) does not vectorize loops.
 */
final class ByteSearch {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteSearch() {}

    /** The index of the first {@code a} in {@code bytes[from, to)}, or {@code to} if there is none. */
    static int indexOf(byte[] bytes, int from, int to, byte a) {
        long as = (a & 0xFF) * ONES;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            if (hasZeroByte((long) WORDS.get(bytes, i) ^ as)) {
                break;
            }
        }
        while (i < to && bytes[i] != a) {
            i++;
        }
        return i;
    }

    /** The index of the first {@code a} or {@code b} in {@code bytes[from, to)}, or {@code to} if there is none. */
    static int indexOfEither(byte[] bytes, int from, int to, byte a, byte b) {
        long as = (a & 0xFF) * ONES;
        long bs = (b & 0xFF) * ONES;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) WORDS.get(bytes, i);
            if (hasZeroByte(word ^ as) || hasZeroByte(word ^ bs)) {
                break; // the word holds one: the loop below finds which byte
            }
        }
        while (i < to && bytes[i] != a && bytes[i] != b) {
            i++;
        }
        return i;
    }

    /** Whether a byte of {@code word} is zero; a byte above it may test true only when one below it is zero. */
    private static boolean hasZeroByte(long word) {
        return ((word - ONES) & ~word & HIGHS) != 0;
    }
}
