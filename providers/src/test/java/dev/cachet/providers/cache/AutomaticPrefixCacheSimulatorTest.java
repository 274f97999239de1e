package dev.cachet.providers.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomaticPrefixCacheSimulatorTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();

    private final SystemText system = new SystemText("word ".repeat(1_500));
    private final UserText first = new UserText("first question " + "x ".repeat(100));
    private final UserText second = new UserText("second question");

    private static Window window(Message... messages) {
        return new WindowFactory(COUNTER).builder().segment(SegmentKind.HISTORY, List.of(messages)).build();
    }

    @Test
    void openai_reads_the_shared_prefix_from_1024_tokens_in_steps_of_128_and_never_bills_writes() {
        AutomaticPrefixCacheSimulator simulator = AutomaticPrefixCacheSimulator.openAi(COUNTER);
        long systemTokens = COUNTER.count(system);
        assertThat(systemTokens).isBetween(1_300L, 1_700L);

        Usage cold = simulator.next(window(system, first), 5);
        Usage warm = simulator.next(window(system, second), 5);

        long total = systemTokens + COUNTER.count(second);
        long expectedRead = 1_024 + (systemTokens - 1_024) / 128 * 128;
        assertThat(cold).isEqualTo(new Usage(systemTokens + COUNTER.count(first), 0, 0, 5, 0));
        assertThat(warm).isEqualTo(new Usage(total - expectedRead, 0, expectedRead, 5, 0));
    }

    @Test
    void what_the_provider_did_not_serve_from_its_cache_is_billed_uncached() {
        AutomaticPrefixCacheSimulator simulator = AutomaticPrefixCacheSimulator.openAi(COUNTER);
        Usage predicted = new Usage(100, 0, 2_048, 5, 0);

        assertThat(simulator.servedAtMost(predicted, 1_024)).isEqualTo(new Usage(1_124, 0, 1_024, 5, 0));
        assertThat(simulator.servedAtMost(predicted, 0)).isEqualTo(new Usage(2_148, 0, 0, 5, 0));
        assertThat(simulator.servedAtMost(predicted, 4_096)).as("served more than it read: unchanged").isEqualTo(predicted);
    }

    @Test
    void deepseek_keeps_its_own_answer_with_the_prompt_so_the_next_call_reads_it_too() {
        AssistantTurn answer = AssistantTurn.text("the answer " + "y ".repeat(300));
        UserText followUp = new UserText("and then?");
        AutomaticPrefixCacheSimulator deepSeek = AutomaticPrefixCacheSimulator.deepSeek(COUNTER);
        AutomaticPrefixCacheSimulator openAi = AutomaticPrefixCacheSimulator.openAi(COUNTER);
        deepSeek.next(window(system, first), 5);
        openAi.next(window(system, first), 5);

        long asked = COUNTER.count(system) + COUNTER.count(first);
        long answered = asked + COUNTER.count(answer);
        assertThat(deepSeek.next(window(system, first, answer, followUp), 5).cacheRead()).isEqualTo(answered / 64 * 64);
        assertThat(openAi.next(window(system, first, answer, followUp), 5).cacheRead())
                .isEqualTo(1_024 + (asked - 1_024) / 128 * 128);
    }

    @Test
    void a_shared_prefix_under_the_minimum_is_not_read() {
        AutomaticPrefixCacheSimulator simulator = AutomaticPrefixCacheSimulator.openAi(COUNTER);
        SystemText shortSystem = new SystemText("be brief");
        simulator.next(window(shortSystem, first), 0);

        assertThat(simulator.next(window(shortSystem, second), 0).cacheRead()).isZero();
    }

    @Test
    void deepseek_counts_in_units_of_64_tokens() {
        AutomaticPrefixCacheSimulator simulator = AutomaticPrefixCacheSimulator.deepSeek(COUNTER);
        simulator.next(window(system, first), 0);

        long systemTokens = COUNTER.count(system);
        assertThat(simulator.next(window(system, second), 0).cacheRead()).isEqualTo(systemTokens / 64 * 64);
    }

    @Test
    void only_recent_prompts_are_remembered() {
        AutomaticPrefixCacheSimulator simulator = AutomaticPrefixCacheSimulator.openAi(COUNTER);
        simulator.next(window(system, first), 0);
        for (int i = 0; i < AutomaticPrefixCacheSimulator.REMEMBERED_PROMPTS; i++) {
            simulator.next(window(new UserText("unrelated " + i)), 0);
        }

        assertThat(simulator.next(window(system, second), 0).cacheRead()).isZero();
    }

    @Test
    void openai_keeps_a_prefix_a_day_from_gpt_5_5_on_and_where_its_older_models_offer_it_else_five_minutes() {
        for (String model : List.of("gpt-5.5", "gpt-5.5-pro", "gpt-6", "gpt-5.4", "gpt-5.3-codex", "gpt-5.1-codex-mini",
                "gpt-5", "gpt-5-codex", "gpt-4.1", "gpt-4.1-2025-04-14", "gpt-5-2025-08-07")) {
            assertThat(AutomaticPrefixCacheSimulator.openAiRetention(model)).as(model).isEqualTo(Duration.ofHours(24));
        }
        for (String model : List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1-mini", "gpt-5-mini", "gpt-5-nano", "gpt-3.5-turbo", "gpt-35-turbo",
                "o3", "o4-mini", "codex-mini-latest", "llama3")) {
            assertThat(AutomaticPrefixCacheSimulator.openAiRetention(model)).as(model).isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Test
    void a_prefix_outlives_a_pause_shorter_than_its_retention_only() {
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        AutomaticPrefixCacheSimulator extended = AutomaticPrefixCacheSimulator.openAi(COUNTER, Duration.ofHours(24));
        AutomaticPrefixCacheSimulator inMemory = AutomaticPrefixCacheSimulator.openAi(COUNTER);
        extended.next(window(system, first), 0, start);
        inMemory.next(window(system, first), 0, start);

        Instant later = start.plus(Duration.ofMinutes(30));
        assertThat(extended.next(window(system, second), 0, later).cacheRead()).isPositive();
        assertThat(inMemory.next(window(system, second), 0, later).cacheRead()).isZero();
    }
}
