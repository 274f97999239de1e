package dev.cachet.evals.trace;

import dev.cachet.context.TokenCounter;

/**
 * The token count of the biggest of a series of texts, tokenizing only the texts that could beat the biggest so far:
 * a token is at least one byte of UTF-8, so a text of no more bytes than the current maximum has no more tokens.
 * Reading a year of logs, this skips nearly every tool result.
 */
public final class LargestResult {
    private final TokenCounter counter;
    private int tokens;

    public LargestResult(TokenCounter counter) {
        this.counter = counter;
    }

    public void add(String text) {
        if (utf8BytesAtMost(text) > tokens) {
            tokens = Math.max(tokens, counter.count(text));
        }
    }

    public int tokens() {
        return tokens;
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
