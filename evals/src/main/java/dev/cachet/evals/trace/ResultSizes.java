package dev.cachet.evals.trace;

import dev.cachet.context.TokenCounter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What usage reports need of a context's tool results: the token count of the biggest, and every one of more than
 * {@link TraceSummary#OVERSIZED_RESULT_TOKENS}. It tokenizes only the texts that could be either: a token is at least
 * one byte of UTF-8, so a text of no more bytes than a count has no more tokens than it. Reading a year of logs,
 * this skips nearly every tool result.
 */
public final class ResultSizes {
    /** Texts wait to be counted, biggest first, until this many chars of them are held. */
    private static final long PENDING_CHARS = 4_000_000;

    /** A text waiting to be counted, with its bound, worked out once. */
    private record Pending(String text, long bound) {}

    private final TokenCounter counter;
    private final List<Pending> pending = new ArrayList<>();
    private final List<TraceSummary.OversizedResult> oversized;
    private long pendingChars;
    private int largest;

    public ResultSizes(TokenCounter counter) {
        this(counter, 0, List.of());
    }

    /** Goes on from what an earlier read of the same context found. */
    public ResultSizes(TokenCounter counter, int largest, List<TraceSummary.OversizedResult> oversized) {
        this.counter = counter;
        this.largest = largest;
        this.oversized = new ArrayList<>(oversized);
    }

    /** A result of the turn at index {@code turn}. */
    public void add(int turn, String text) {
        long bound = utf8BytesAtMost(text);
        if (bound > TraceSummary.OVERSIZED_RESULT_TOKENS) {
            int tokens = counter.count(text);
            if (tokens > TraceSummary.OVERSIZED_RESULT_TOKENS) {
                oversized.add(new TraceSummary.OversizedResult(turn, tokens));
            }
            largest = Math.max(largest, tokens);
        } else if (bound > largest) {
            pending.add(new Pending(text, bound));
            pendingChars += text.length();
            if (pendingChars > PENDING_CHARS) {
                resolve();
            }
        }
    }

    public int largest() {
        resolve();
        return largest;
    }

    public List<TraceSummary.OversizedResult> oversized() {
        return List.copyOf(oversized);
    }

    /** Counts the waiting texts biggest first: once one's bound is no more than the count so far, none can beat it. */
    private void resolve() {
        pending.sort(Comparator.comparingLong(Pending::bound).reversed());
        for (Pending text : pending) {
            if (text.bound() <= largest) {
                break;
            }
            largest = Math.max(largest, counter.count(text.text()));
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
