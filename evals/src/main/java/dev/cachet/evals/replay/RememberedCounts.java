package dev.cachet.evals.replay;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingResult;
import com.knuddels.jtokkit.api.IntArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An encoding that counts each distinct text once. A replay counts a trace's messages with plain o200k counts, to fit
 * them to the bill, and then again with the fitted counter, whose own cache starts empty: counters made on this
 * encoding share its counts, so every message is tokenized once. One per file, freed with it.
 */
final class RememberedCounts implements Encoding {
    private final Encoding encoding;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    RememberedCounts(Encoding encoding) {
        this.encoding = encoding;
    }

    @Override
    public int countTokensOrdinary(String text) {
        return counts.computeIfAbsent(text, encoding::countTokensOrdinary);
    }

    @Override
    public IntArrayList encode(String text) {
        return encoding.encode(text);
    }

    @Override
    public EncodingResult encode(String text, int maxTokens) {
        return encoding.encode(text, maxTokens);
    }

    @Override
    public IntArrayList encodeOrdinary(String text) {
        return encoding.encodeOrdinary(text);
    }

    @Override
    public EncodingResult encodeOrdinary(String text, int maxTokens) {
        return encoding.encodeOrdinary(text, maxTokens);
    }

    @Override
    public int countTokens(String text) {
        return encoding.countTokens(text);
    }

    @Override
    public String decode(IntArrayList tokens) {
        return encoding.decode(tokens);
    }

    @Override
    public byte[] decodeBytes(IntArrayList tokens) {
        return encoding.decodeBytes(tokens);
    }

    @Override
    public String getName() {
        return encoding.getName();
    }
}
