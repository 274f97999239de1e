package dev.cachet.providers.cache;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.window.Window;
import dev.cachet.providers.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider that caches prompt prefixes by itself, without breakpoints and without charging for writes: a request
 * reads the longest prefix it shares with a recent request, counted in whole steps once it reaches the minimum.
 * OpenAI: from 1,024 tokens in steps of 128. DeepSeek: in units of 64 tokens. The shared prefix is measured in
 * whole blocks (tools and messages), so a block that differs anywhere counts as not shared. The last few prompts
 * are remembered, each for the provider's retention after it was last used ({@link #openAiRetention} for OpenAI's);
 * DeepSeek clears its disk cache "within a few hours to a few days" (taken as 2 hours). DeepSeek also keeps the
 * answer it generated with the prompt, so the next request of a conversation, which repeats that answer after the
 * prompt, reads it too: its logs show every call reading the previous prompt and the previous output (a 7,707-token
 * prompt answered in 798 tokens, then 8,448 read); OpenAI's cached tokens never pass the previous prompt.
 */
public final class AutomaticPrefixCacheSimulator implements CacheSimulator {
    static final int REMEMBERED_PROMPTS = 16;
    private static final Duration IN_MEMORY = Duration.ofMinutes(5);
    private static final Duration EXTENDED = Duration.ofHours(24);
    /**
     * gpt-MAJOR[.MINOR], its variant (-codex, -mini, ...), and a snapshot's date, which names no other model. One digit
     * of major version: Azure's gpt-35-turbo is GPT-3.5.
     */
    private static final Pattern GPT_VERSION = Pattern.compile("gpt-([1-9])(?:\\.(\\d+))?((?:-[a-z][a-z0-9-]*?)?)"
            + "(?:-\\d{4}-\\d{2}-\\d{2})?");

    private final TokenCounter counter;
    private final int minimumTokens;
    private final int stepTokens;
    private final Duration retention;
    private final boolean keepsAnswers;
    private final Deque<Remembered> recent = new ArrayDeque<>();

    private record Remembered(List<Object> blocks, Instant lastUsed) {}

    /** @param keepsAnswers whether the cache holds each answer after its prompt, for a prompt that repeats it */
    private AutomaticPrefixCacheSimulator(TokenCounter counter, int minimumTokens, int stepTokens, Duration retention,
            boolean keepsAnswers) {
        this.counter = counter;
        this.minimumTokens = minimumTokens;
        this.stepTokens = stepTokens;
        this.retention = retention;
        this.keepsAnswers = keepsAnswers;
    }

    /** OpenAI's cache as it keeps prefixes in memory, as a server that speaks its API is taken to. */
    public static AutomaticPrefixCacheSimulator openAi(TokenCounter counter) {
        return openAi(counter, IN_MEMORY);
    }

    /** OpenAI's cache, keeping a prefix for {@code retention} after its last use. */
    public static AutomaticPrefixCacheSimulator openAi(TokenCounter counter, Duration retention) {
        return new AutomaticPrefixCacheSimulator(counter, 1024, 128, retention, false);
    }

    /**
     * How long OpenAI keeps a model's prefixes when a request names no retention. Extended retention, "up to a
     * maximum of 24 hours" (prefixes offloaded to GPU-local storage), is the only one from gpt-5.5 on ("gpt-5.5,
     * gpt-5.5-pro, and future models"), and the default of the older models that offer it, for an organization
     * without zero data retention: gpt-4.1, gpt-5, gpt-5-codex and gpt-5.1 to 5.4 (each variant of those, though
     * OpenAI lists only some). Other models keep prefixes in memory "for 5 to 10 minutes of inactivity": the lower
     * bound, as only that much is promised. A retention taken too long costs the replay nothing: a recorded call that
     * read less than it predicts is a provider miss, met by every strategy, while one taken too short would have it
     * predict expiries the bill does not show.
     */
    public static Duration openAiRetention(String model) {
        Matcher version = GPT_VERSION.matcher(model);
        if (!version.matches()) {
            return IN_MEMORY;
        }
        int major = Integer.parseInt(version.group(1));
        int minor = version.group(2) == null ? 0 : Integer.parseInt(version.group(2));
        String variant = version.group(3);
        boolean onlyExtended = major > 5 || major == 5 && minor >= 5;
        boolean offersExtended = major == 4 && minor == 1 && variant.isEmpty()
                || major == 5 && minor == 0 && (variant.isEmpty() || variant.equals("-codex"))
                || major == 5 && minor >= 1;
        return onlyExtended || offersExtended ? EXTENDED : IN_MEMORY;
    }

    public static AutomaticPrefixCacheSimulator deepSeek(TokenCounter counter) {
        return new AutomaticPrefixCacheSimulator(counter, 64, 64, Duration.ofHours(2), true);
    }

    @Override
    public Duration ttl() {
        return retention;
    }

    @Override
    public Usage next(Window window, long outputTokens, Instant at) {
        recent.removeIf(earlier -> earlier.lastUsed().plus(retention).isBefore(at));
        PromptBlocks prompt = PromptBlocks.of(window, counter);
        int sharedBlocks = 0;
        for (Remembered earlier : recent) {
            sharedBlocks = Math.max(sharedBlocks, shared(prompt, earlier.blocks()));
        }
        long shared = prompt.prefixTokens()[sharedBlocks];
        remember(new Remembered(prompt.blocks(), at));
        long total = window.tokens();
        long read = shared < minimumTokens ? 0 : minimumTokens + (shared - minimumTokens) / stepTokens * stepTokens;
        return new Usage(total - read, 0, read, outputTokens, 0);
    }

    /** The blocks a prompt shares with an earlier one, and the answer to that one where the cache kept it. */
    private int shared(PromptBlocks prompt, List<Object> earlier) {
        int shared = prompt.sharedBlocks(earlier);
        boolean answerFollows = shared == earlier.size() && shared < prompt.blocks().size()
                && prompt.blocks().get(shared) instanceof AssistantTurn;
        return keepsAnswers && answerFollows ? shared + 1 : shared;
    }

    private void remember(Remembered prompt) {
        recent.addFirst(prompt);
        if (recent.size() > REMEMBERED_PROMPTS) {
            recent.removeLast();
        }
    }
}
