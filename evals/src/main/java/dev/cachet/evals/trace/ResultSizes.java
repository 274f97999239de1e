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
    /** Texts wait to be counted, biggest first, until their bounds add up to this many bytes. */
    private static final long PENDING_BYTES = 4_000_000;

    /** A text waiting to be counted, with its bound, worked out once. */
    private record Pending(ResultText text, long bound) {}

    private final TokenCounter counter;
    private final List<Pending> pending = new ArrayList<>();
    private final List<TraceSummary.OversizedResult> oversized;
    private long pendingBytes;
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
        add(turn, new ResultText.Decoded(text));
    }

    /** Whether a text of at most {@code bound} bytes is counted as soon as it is added, whatever else comes. */
    static boolean countedAtOnce(long bound) {
        return bound > TraceSummary.OVERSIZED_RESULT_TOKENS;
    }

    void add(int turn, ResultText text) {
        long bound = text.utf8BytesAtMost();
        if (countedAtOnce(bound)) {
            int tokens = text.tokens(counter);
            if (tokens > TraceSummary.OVERSIZED_RESULT_TOKENS) {
                oversized.add(new TraceSummary.OversizedResult(turn, tokens));
            }
            largest = Math.max(largest, tokens);
        } else if (bound > largest) {
            pending.add(new Pending(text.kept(), bound));
            pendingBytes += bound;
            if (pendingBytes > PENDING_BYTES) {
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

    public TraceSummary.ResultTokens tokens() {
        return new TraceSummary.ResultTokens(largest(), oversized);
    }

    /** Counts the waiting texts biggest first: once one's bound is no more than the count so far, none can beat it. */
    private void resolve() {
        pending.sort(Comparator.comparingLong(Pending::bound).reversed());
        for (Pending text : pending) {
            if (text.bound() <= largest) {
                break;
            }
            largest = Math.max(largest, text.text().tokens(counter));
        }
        pending.clear();
        pendingBytes = 0;
    }
}
