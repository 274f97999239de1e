package dev.cachet.evals.trace;

import dev.cachet.context.TokenCounter;

/**
 * The token count of the biggest of a series of texts, tokenizing only the texts that could beat the biggest so far:
 * a token is at least one byte of UTF-8, so a text of no more bytes than the current maximum has no more tokens.
 * Reading a year of logs, this skips nearly every tool result.
 */
public final class LargestResult {
    /** Texts wait to be counted, biggest first, until this many chars of them are held. */
    private static final long PENDING_CHARS = 4_000_000;

    private final TokenCounter counter;
    /** A text waiting to be counted, with its bound, worked out once. */
    private record Pending(String text, long bound) {}

    private final java.util.List<Pending> pending = new java.util.ArrayList<>();
    private long pendingChars;
    private int tokens;

    public LargestResult(TokenCounter counter) {
        this(counter, 0);
    }

    /** @param tokens the biggest count already known */
    public LargestResult(TokenCounter counter, int tokens) {
        this.counter = counter;
        this.tokens = tokens;
    }

    public void add(String text) {
        long bound = utf8BytesAtMost(text);
        if (bound > tokens) {
            pending.add(new Pending(text, bound));
            pendingChars += text.length();
            if (pendingChars > PENDING_CHARS) {
                resolve();
            }
        }
    }

    public int tokens() {
        resolve();
        return tokens;
    }

    /** Counts the waiting texts biggest first: once one's bound is no more than the count so far, none can beat it. */
    private void resolve() {
        pending.sort(java.util.Comparator.comparingLong(Pending::bound).reversed());
        for (Pending text : pending) {
            if (text.bound() <= tokens) {
                break;
            }
            tokens = Math.max(tokens, counter.count(text.text()));
        }
        pending.clear();
        pendingChars = 0;
    }

    /** An upper bound of the text's UTF-8 length (a lone surrogate counts 3 bytes, a pair 6 for its 4). */
    static long utf8BytesAtMost(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }
}
