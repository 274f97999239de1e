package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.providers.Usage;
import java.util.regex.Pattern;

/** Turns each provider's usage fields into cachet's vocabulary. */
public final class Usages {
    private static final Pattern DIGITS = Pattern.compile("-?\\d{1,18}");

    private Usages() {}

    /**
     * The count at {@code field} (dotted) of a usage object, a number (or a string of digits) as {@code asLong()}
     * reads it, absent or null as 0; fails naming {@code where} and the field when it is negative, a count no provider
     * bills (it would lower the bill, or break the cache's split of the writes), or no count at all: other text, which
     * would read as 0, or a number too large for one.
     */
    static long count(String where, JsonNode usage, String field) {
        JsonNode value = usage.at("/" + field.replace('.', '/'));
        boolean counts = value.isNumber() ? value.canConvertToLong()
                : value.isMissingNode() || value.isNull() || value.isTextual() && DIGITS.matcher(value.asText()).matches();
        if (!counts) {
            throw new TraceFormatException(where + ": " + field + " is " + value + ", not a token count");
        }
        long tokens = value.asLong();
        if (tokens < 0) {
            throw new TraceFormatException(where + ": " + field + " is " + tokens + ", not a token count");
        }
        return tokens;
    }

    /**
     * Whether a usage object bills its call: it gives the input and output counts (a null one, as some of LiteLLM's
     * providers write, is a count the log does not know, not 0 tokens).
     */
    static boolean bills(JsonNode usage, String input, String output) {
        return usage.isObject() && known(usage.path(input)) && known(usage.path(output));
    }

    private static boolean known(JsonNode count) {
        return !count.isMissingNode() && !count.isNull();
    }

    /**
     * OpenAI and OpenAI-compatible APIs (DeepSeek, OpenRouter, Codex): {@code prompt} includes the cached tokens,
     * and there is no separate price for writing the cache.
     */
    public static Usage openAi(long prompt, long cached, long completion, long reasoning) {
        long read = Math.min(cached, prompt);
        return new Usage(prompt - read, 0, read, completion, reasoning);
    }

    /**
     * LiteLLM, through which OpenHands calls every provider: {@code prompt} counts the cache reads and also the
     * cache writes (it adds Anthropic's separate counts back in), so the uncached input is what remains.
     */
    public static Usage liteLlm(long prompt, long cacheRead, long cacheWrite, long completion, long reasoning) {
        long read = Math.min(cacheRead, prompt);
        long write = Math.min(cacheWrite, prompt - read);
        return new Usage(prompt - read - write, write, read, completion, reasoning);
    }
}
