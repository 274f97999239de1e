package dev.cachet.context.window;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Prefix hashes (SHA-256 chained over each item's digest) of the prompts hashed last, kept so that the next prompt,
 * which mostly repeats one of them, hashes only what it adds. The chain's state is kept every {@link #STRIDE} items;
 * a prompt whose first items are the very instances a remembered one began with resumes from the last state within
 * them. Items are compared by identity: an equal item in another instance only costs the hashing it would anyway.
 */
final class PrefixChains {
    /** Items between kept states: a clone of the state costs about as much as hashing a few items. */
    static final int STRIDE = 8;
    /** Prompts remembered: a strategy that weighs a compaction renders a few windows a turn. */
    static final int REMEMBERED = 4;

    private final Function<Object, byte[]> digests;
    private final Chain empty = new Chain(new Object[0], new MessageDigest[] {ContentHashes.sha256()});
    private final Deque<Chain> recent = new ArrayDeque<>();

    /** The items of one prompt and {@code states[k]}, the chain after its first {@code k * STRIDE} items. */
    private record Chain(Object[] items, MessageDigest[] states) {}

    /** @param digests the digest of one item, a tool spec or a message */
    PrefixChains(Function<Object, byte[]> digests) {
        this.digests = digests;
    }

    /**
     * The hashes of the prefixes of {@code items} that end at each of {@code ends} (ascending, at most the number of
     * items), as the first 8 bytes of the chain's digest in hex.
     */
    synchronized String[] hashes(Object[] items, int[] ends) {
        Chain resumed = empty;
        int shared = 0;
        for (Chain chain : recent) {
            int common = commonPrefix(chain.items(), items);
            if (common > shared) {
                shared = common;
                resumed = chain;
            }
        }
        MessageDigest[] states = new MessageDigest[items.length / STRIDE + 1];
        int kept = shared / STRIDE;
        System.arraycopy(resumed.states(), 0, states, 0, kept + 1);
        String[] hashes = new String[ends.length];
        int end = 0;
        for (; end < ends.length && ends[end] < kept * STRIDE; end++) {
            hashes[end] = hashWithin(states, items, ends[end]);
        }
        MessageDigest chain = copy(states[kept]);
        for (int position = kept * STRIDE; ; position++) {
            if (position % STRIDE == 0 && states[position / STRIDE] == null) {
                states[position / STRIDE] = copy(chain);
            }
            while (end < ends.length && ends[end] == position) {
                hashes[end++] = hex(copy(chain).digest());
            }
            if (position == items.length) {
                break;
            }
            chain.update(digests.apply(items[position]));
        }
        recent.addFirst(new Chain(items, states));
        if (recent.size() > REMEMBERED) {
            recent.removeLast();
        }
        return hashes;
    }

    /** The hash at {@code end}, from the state kept last before it. */
    private String hashWithin(MessageDigest[] states, Object[] items, int end) {
        MessageDigest chain = copy(states[end / STRIDE]);
        for (int position = end / STRIDE * STRIDE; position < end; position++) {
            chain.update(digests.apply(items[position]));
        }
        return hex(chain.digest());
    }

    private static int commonPrefix(Object[] a, Object[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return n;
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable on every JVM", e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
