package dev.cachet.context;

import com.knuddels.jtokkit.api.Encoding;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.message.UserText;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Counts tokens offline with jtokkit's o200k_base encoding. Counts are cached per message and per tool spec:
 * a window is re-rendered every turn from mostly the same messages, so each message is tokenized once.
 *
 * <p>Provider tokenizers differ (Claude has none published offline); these counts are estimates that
 * the billed usage later corrects.
 *
 * <p>Text counts are jtokkit's {@code countTokensOrdinary}; for o200k_base they come from {@link OrdinaryTokenCount},
 * which gives the same counts several times faster and whose piece cache every counter derived from this one shares.
 */
public final class TokenCounter {
    /** Role markers and separators that every provider adds around a message. */
    static final int MESSAGE_OVERHEAD = 4;

    private final TextTokens textTokens;
    private final double factor;
    private final Map<String, Integer> pinned;
    /** Unscaled counts, shared with the calibrated counters made from this one: o200k counts a text one way only. */
    private final Map<Object, Integer> unscaled;

    public TokenCounter(Encoding encoding) {
        this(textTokens(encoding), 1.0, Map.of(), new ConcurrentHashMap<>());
    }

    /** A counter whose texts count what {@code textTokens} says. */
    TokenCounter(ToIntFunction<String> textTokens) {
        this(textTokens::applyAsInt, 1.0, Map.of(), new ConcurrentHashMap<>());
    }

    private TokenCounter(TextTokens textTokens, double factor, Map<String, Integer> pinned,
            Map<Object, Integer> unscaled) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("a token factor must be positive, got " + factor);
        }
        this.textTokens = textTokens;
        this.factor = factor;
        this.pinned = Map.copyOf(pinned);
        this.unscaled = unscaled;
    }

    /** A counter of its own (its own caches) on the one o200k encoding of this process, read when first needed. */
    public static TokenCounter o200k() {
        return new TokenCounter(new LazyTextTokens(() -> textTokens(O200k.ENCODING)), 1.0, Map.of(),
                new ConcurrentHashMap<>());
    }

    /** Reads the o200k encoding now (on a thread of the caller's), so that no first count waits on it. */
    public static void readAhead() {
        o200kEncoding();
    }

    /** The o200k encoding, read once per process: it takes a tenth of a second or more, and encodings are immutable. */
    static Encoding o200kEncoding() {
        return O200k.ENCODING;
    }

    private static final class O200k {
        static final Encoding ENCODING = O200kEncoding.read();
    }

    /** A counter with the same encoding and an empty cache, for work that must not keep this one's counts alive. */
    public TokenCounter fresh() {
        return new TokenCounter(textTokens, factor, pinned, new ConcurrentHashMap<>());
    }

    /**
     * A counter that stands in for another tokenizer: every message and tool spec counts {@code factor} times its
     * o200k tokens, except system texts in {@code pinned}, which count what the map says. A replay fits both to the
     * usage a provider billed: the factor for its tokenizer, a pinned text for what the log never held. It shares
     * this counter's cached counts, so a message counted before calibrating is not tokenized again.
     */
    public TokenCounter calibrated(double factor, Map<String, Integer> pinned) {
        return new TokenCounter(textTokens, factor, pinned, unscaled);
    }

    private static TextTokens textTokens(Encoding encoding) {
        if (encoding.getName().equals(OrdinaryTokenCount.ENCODING)) {
            return new OrdinaryTokenCount(encoding);
        }
        return encoding::countTokensOrdinary;
    }

    public int count(String text) {
        return textTokens.count(text);
    }

    /** {@link #count(String)} of the chars {@code text[start, end)}, without making a String of them. */
    public int count(char[] text, int start, int end) {
        return textTokens.count(text, start, end);
    }

    public int count(Message message) {
        if (!pinned.isEmpty() && message instanceof SystemText system) {
            Integer pin = pinned.get(system.text());
            if (pin != null) {
                return pin;
            }
        }
        return scaled(unscaled.computeIfAbsent(message, m -> MESSAGE_OVERHEAD + countContent((Message) m)));
    }

    public int count(ToolSpec spec) {
        return scaled(unscaled.computeIfAbsent(spec, s -> MESSAGE_OVERHEAD
                + count(spec.name()) + count(spec.description()) + count(spec.parameters().toString())));
    }

    private int scaled(int tokens) {
        return factor == 1.0 ? tokens : (int) Math.round(factor * tokens);
    }

    private int countContent(Message message) {
        if (message instanceof SystemText system) {
            return count(system.text());
        }
        if (message instanceof UserText user) {
            return count(user.text());
        }
        if (message instanceof ToolResult result) {
            return count(result.content());
        }
        AssistantTurn turn = (AssistantTurn) message;
        int tokens = count(turn.text());
        for (ToolCall call : turn.toolCalls()) {
            tokens += MESSAGE_OVERHEAD + count(call.name()) + count(call.arguments());
        }
        return tokens;
    }
}
