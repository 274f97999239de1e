package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.providers.Usage;

/** Turns each provider's usage fields into cachet's vocabulary. */
public final class Usages {
    private Usages() {}

    /**
     * The count at {@code field} (dotted) of a usage object, a number as {@code asLong()} reads it, absent or null as
     * 0; fails naming {@code where} and the field when it is negative, a count no provider bills (it would lower the
     * bill, or break the cache's split of the writes), or not a number at all (which would read as 0).
     */
    static long count(String where, JsonNode usage, String field) {
        JsonNode value = usage.at("/" + field.replace('.', '/'));
        if (!value.isNumber() && !value.isMissingNode() && !value.isNull()) {
            throw new TraceFormatException(where + ": " + field + " is " + value + ", not a token count");
        }
        long count = value.asLong();
        if (count < 0) {
            throw new TraceFormatException(where + ": " + field + " is " + count + ", not a token count");
        }
        return count;
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
