package dev.cachet.context;

import com.knuddels.jtokkit.Encodings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * o200k_base's rank table in three arrays: every token's bytes end to end (1.4 MB), where each starts, and a hash
 * table of ranks (0.8 and 2 MB). A cold JVM reads it from jtokkit's rank file in 0.15 CPU s, where jtokkit's own
 * tables (a map of byte arrays per token length, and a decoder) take 0.4 s and some 25 MB that the first young
 * collections copy.
 */
final class O200kRanks {
    static final String FILE = "/com/knuddels/jtokkit/o200k_base.tiktoken";
    /** What {@link #rank} says of bytes that are no token. */
    static final int NONE = -1;

    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    private final byte[] bytes;
    /** Token {@code r}'s bytes are {@code bytes[starts[r], starts[r + 1])}. */
    private final int[] starts;
    /** Open addressing, a power of two at least twice the tokens: rank + 1, or 0 where empty. */
    private final int[] slots;
    private final int shift;

    private O200kRanks(byte[] bytes, int[] starts) {
        this.bytes = bytes;
        this.starts = starts;
        int tokens = starts.length - 1;
        this.slots = new int[Integer.highestOneBit(Math.max(1, tokens)) << 2];
        this.shift = Integer.numberOfLeadingZeros(slots.length) + 1;
        for (int rank = 0; rank < tokens; rank++) {
            int slot = slot(bytes, starts[rank], starts[rank + 1]);
            while (slots[slot] != 0) {
                slot = (slot + 1) & (slots.length - 1);
            }
            slots[slot] = rank + 1;
        }
    }

    /** The ranks of the file jtokkit bundles. */
    static O200kRanks bundled() {
        try (InputStream in = Encodings.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("jtokkit's jar has no " + FILE);
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    /** A tiktoken rank file: {@code <base64 token> <rank>\n} per line, ranks 0, 1, 2, ... in order. */
    static O200kRanks parse(byte[] file) {
        byte[] bytes = new byte[file.length];
        int[] starts = new int[file.length / 4 + 2];
        byte[] token = new byte[64];
        int size = 0;
        int line = 0;
        for (int at = 0; at < file.length; line++) {
            int space = at;
            while (space < file.length && file[space] != ' ' && file[space] != '\n') {
                space++;
            }
            if (space == file.length || file[space] != ' ') {
                throw new IllegalStateException(FILE + ":" + (line + 1) + ": not '<base64 token> <rank>'");
            }
            int end = space + 1;
            int rank = 0;
            while (end < file.length && file[end] != '\n') {
                int digit = file[end++] - '0';
                if (digit < 0 || digit > 9) {
                    throw new IllegalStateException(FILE + ":" + (line + 1) + ": not a rank");
                }
                rank = rank * 10 + digit;
            }
            if (end == space + 1) {
                throw new IllegalStateException(FILE + ":" + (line + 1) + ": not a rank");
            }
            if (rank != line) {
                throw new IllegalStateException(
                        FILE + ":" + (line + 1) + ": rank " + rank + " where " + line + " was due");
            }
            byte[] encoded = Arrays.copyOfRange(file, at, space);
            if (token.length < encoded.length) {
                token = new byte[encoded.length];
            }
            int length = BASE64.decode(encoded, token);
            System.arraycopy(token, 0, bytes, size, length);
            size += length;
            starts[line + 1] = size;
            at = end + 1;
        }
        return new O200kRanks(Arrays.copyOf(bytes, size), Arrays.copyOf(starts, line + 1));
    }

    int size() {
        return starts.length - 1;
    }

    /** The rank of the token {@code text[start, end)}, or {@link #NONE}. */
    int rank(byte[] text, int start, int end) {
        for (int slot = slot(text, start, end); slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
            int rank = slots[slot] - 1;
            if (Arrays.equals(bytes, starts[rank], starts[rank + 1], text, start, end)) {
                return rank;
            }
        }
        return NONE;
    }

    /** Every token's bytes and rank, as jtokkit takes them. */
    Map<byte[], Integer> asMap() {
        Map<byte[], Integer> ranks = new HashMap<>(size() * 4 / 3 + 1);
        for (int rank = 0; rank < size(); rank++) {
            ranks.put(Arrays.copyOfRange(bytes, starts[rank], starts[rank + 1]), rank);
        }
        return ranks;
    }

    private int slot(byte[] text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text[i];
        }
        return (hash * 0x9E3779B9) >>> shift; // Fibonacci hashing: the high bits mix every byte.
    }
}
