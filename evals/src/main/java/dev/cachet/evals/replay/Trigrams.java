package dev.cachet.evals.replay;

import java.util.List;

/**
 * The three-character sequences some texts hold, as a Bloom filter: a name with a trigram the filter lacks is in
 * none of the texts, so the texts need not be searched for it. About eight bits per character keep false hits rare.
 */
final class Trigrams {
    private static final int BITS_PER_CHAR = 8;
    private static final int MAX_WORDS = 1 << 24;
    private static final int GOLDEN = 0x9E3779B9;

    private final long[] bits;
    // The hash's top bits index the filter, whose size is a power of two.
    private final int shift;

    private Trigrams(int words) {
        this.bits = new long[words];
        this.shift = Integer.numberOfLeadingZeros(words * Long.SIZE - 1);
    }

    static Trigrams of(List<String> texts) {
        long chars = texts.stream().mapToLong(String::length).sum();
        Trigrams trigrams = new Trigrams(Integer.highestOneBit((int) Math.max(1, Math.min(MAX_WORDS,
                chars * BITS_PER_CHAR / Long.SIZE))));
        for (String text : texts) {
            for (int i = 0; i + 3 <= text.length(); i++) {
                int bit = trigrams.bit(text, i);
                trigrams.bits[bit >>> 6] |= 1L << bit;
            }
        }
        return trigrams;
    }

    /** False only when {@code name} is surely in none of the texts. */
    boolean mayContain(String name) {
        for (int i = 0; i + 3 <= name.length(); i++) {
            int bit = bit(name, i);
            if ((bits[bit >>> 6] & 1L << bit) == 0) {
                return false;
            }
        }
        return true;
    }

    private int bit(String text, int at) {
        int hash = (text.charAt(at) * 31 + text.charAt(at + 1)) * 31 + text.charAt(at + 2);
        return hash * GOLDEN >>> shift;
    }
}
