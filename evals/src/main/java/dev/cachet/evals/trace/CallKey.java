package dev.cachet.evals.trace;

/**
 * A call's id as 64 bits: what reports count calls once by (Claude Code: message id and request id). A year of logs
 * holds hundreds of thousands of ids; a long each, in a set of longs, is a tenth of what the strings take. Two ids
 * meet on the same key by chance with odds of 2^-64 per pair: among n calls about n^2 / 2^65, some 10^-9 for
 * 200,000 calls. Keys are kept in the stats cache: changing this hash requires a new SummaryCodec version.
 */
public final class CallKey {
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final long K1 = 0x87C37B91114253D5L;
    private static final long K2 = 0x4CF5AD432745937FL;

    private CallKey() {}

    /** The key of {@code id}: each char mixed in with a multiply and a rotation, then MurmurHash3's finalizer. */
    public static long of(String id) {
        long h = SEED ^ id.length();
        for (int i = 0; i < id.length(); i++) {
            h = Long.rotateLeft(h ^ id.charAt(i) * K1, 31) * K2;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ h >>> 33;
    }
}
