package dev.cachet.providers.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.pricing.PriceTable;
import java.util.ArrayList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakpointCacheSimulatorTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    private static final int NO_LOOKBACK_LIMIT = 1_000;
    private static final ModelPrice SONNET = PriceTable.bundled().price("claude-sonnet-4-6").orElseThrow();
    private static final ModelPrice HAIKU = PriceTable.bundled().price("claude-haiku-4-5").orElseThrow();

    private final TranscriptStrategy transcript = new TranscriptStrategy(new WindowFactory(COUNTER));
    private final ToolSpec grep = new ToolSpec("grep", "search files for a regular expression", schema("pattern"));
    private final SystemText system = new SystemText("You are a careful coding agent. Read before you edit.");
    private final UserText task = new UserText("The tests fail: find the bug in src/ and fix it.");

    private static ObjectNode schema(String property) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties").putObject(property).put("type", "string");
        return schema;
    }

    private static AssistantTurn call(int i) {
        return AssistantTurn.calls("step " + i, new ToolCall("c" + i, "grep", "{\"pattern\":\"bug" + i + "\"}"));
    }

    private static ToolResult result(int i) {
        return new ToolResult("c" + i, "grep", "src/Main.java:" + i + ": // bug " + i, false);
    }

    private static Window window(List<ToolSpec> tools, List<? extends Message> messages) {
        return new WindowFactory(COUNTER).builder()
                .tools(tools)
                .segment(SegmentKind.HISTORY, messages).breakpoint()
                .build();
    }

    /** The expected token count, summed block by block rather than taken from the window. */
    private static long tokens(List<ToolSpec> tools, List<? extends Message> messages) {
        long sum = 0;
        for (ToolSpec tool : tools) {
            sum += COUNTER.count(tool);
        }
        for (Message message : messages) {
            sum += COUNTER.count(message);
        }
        return sum;
    }

    private static List<Message> concat(List<? extends Message> first, Message... more) {
        List<Message> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static BreakpointCacheSimulator simulator(int minCacheableTokens, int lookbackBlocks) {
        return new BreakpointCacheSimulator(COUNTER, minCacheableTokens, lookbackBlocks);
    }

    @Test
    void what_the_provider_did_not_serve_from_its_cache_its_breakpoints_write_again() {
        BreakpointCacheSimulator simulator = BreakpointCacheSimulator.anthropic(COUNTER, "claude-sonnet-4-6",
                CacheLifetime.FIVE_MINUTES, SONNET);
        Usage predicted = new Usage(10, 500, 20_000, 7, 0, 500);

        assertThat(simulator.servedAtMost(predicted, 19_000)).isEqualTo(new Usage(10, 1_500, 19_000, 7, 0, 500));
        assertThat(simulator.servedAtMost(predicted, 0)).isEqualTo(new Usage(10, 20_500, 0, 7, 0, 500));
        assertThat(simulator.servedAtMost(predicted, 30_000)).isEqualTo(predicted);
    }

    @Test
    void a_window_under_the_minimum_cacheable_length_is_all_uncached() {
        List<Message> messages = List.of(system, task);
        long total = tokens(List.of(grep), messages);
        BreakpointCacheSimulator cache = simulator((int) total + 1, NO_LOOKBACK_LIMIT);

        Usage first = cache.next(window(List.of(grep), messages), 17);
        Usage again = cache.next(window(List.of(grep), messages), 5);

        assertThat(first).isEqualTo(new Usage(total, 0, 0, 17, 0));
        assertThat(again).isEqualTo(new Usage(total, 0, 0, 5, 0));
    }

    @Test
    void a_window_of_exactly_the_minimum_length_is_cached() {
        List<Message> messages = List.of(system, task);
        long total = tokens(List.of(grep), messages);
        BreakpointCacheSimulator cache = simulator((int) total, NO_LOOKBACK_LIMIT);

        assertThat(cache.next(window(List.of(grep), messages), 0)).isEqualTo(new Usage(0, total, 0, 0, 0));
    }

    @Test
    void a_request_under_the_minimum_is_not_written_so_the_next_one_reads_nothing() {
        List<Message> small = List.of(system, task);
        List<Message> large = concat(small, call(1), result(1));
        long smallTotal = tokens(List.of(), small);
        long largeTotal = tokens(List.of(), large);
        BreakpointCacheSimulator cache = simulator((int) smallTotal + 1, NO_LOOKBACK_LIMIT);

        cache.next(window(List.of(), small), 0);
        Usage second = cache.next(window(List.of(), large), 0);

        assertThat(second).isEqualTo(new Usage(0, largeTotal, 0, 0, 0));
    }

    @Test
    void the_first_cacheable_request_is_all_cache_write() {
        Session session = new Session(system.text(), List.of(grep), task.text());
        long total = tokens(List.of(grep), List.of(system, task));
        BreakpointCacheSimulator cache = simulator(10, NO_LOOKBACK_LIMIT);

        Usage usage = cache.next(transcript.render(session), 42);

        assertThat(usage).isEqualTo(new Usage(0, total, 0, 42, 0));
        assertThat(usage.input()).isEqualTo(total);
    }

    @Test
    void an_append_only_second_request_reads_the_first_request_and_writes_the_rest() {
        Session session = new Session(system.text(), List.of(grep), task.text());
        BreakpointCacheSimulator cache = simulator(10, NO_LOOKBACK_LIMIT);
        long firstTotal = tokens(List.of(grep), List.of(system, task));
        cache.next(transcript.render(session), 0);

        session.append(call(1));
        session.append(result(1));
        Usage second = cache.next(transcript.render(session), 9);

        long appended = COUNTER.count(call(1)) + COUNTER.count(result(1));
        assertThat(second).isEqualTo(new Usage(0, appended, firstTotal, 9, 0));
    }

    @Test
    void each_request_reads_the_longest_earlier_prompt_that_is_a_prefix() {
        Session session = new Session(system.text(), List.of(grep), task.text());
        BreakpointCacheSimulator cache = simulator(10, NO_LOOKBACK_LIMIT);
        cache.next(transcript.render(session), 0);
        session.append(call(1));
        session.append(result(1));
        cache.next(transcript.render(session), 0);
        long secondTotal = tokens(List.of(grep), List.of(system, task, call(1), result(1)));

        session.append(call(2));
        session.append(result(2));
        Usage third = cache.next(transcript.render(session), 0);

        long appended = COUNTER.count(call(2)) + COUNTER.count(result(2));
        assertThat(third).isEqualTo(new Usage(0, appended, secondTotal, 0, 0));
    }

    @Test
    void the_same_request_twice_is_read_entirely_from_the_cache() {
        List<Message> messages = List.of(system, task, call(1), result(1));
        long total = tokens(List.of(grep), messages);
        BreakpointCacheSimulator cache = simulator(10, NO_LOOKBACK_LIMIT);

        cache.next(window(List.of(grep), messages), 0);
        Usage again = cache.next(window(List.of(grep), messages), 0);

        assertThat(again).isEqualTo(new Usage(0, 0, total, 0, 0));
    }

    @Test
    void a_request_whose_early_message_changed_reads_nothing() {
        List<Message> first = List.of(system, task, call(1), result(1));
        List<Message> edited = List.of(system, new UserText(task.text() + " Be quick."), call(1), result(1), call(2));
        BreakpointCacheSimulator cache = simulator(10, NO_LOOKBACK_LIMIT);
        cache.next(window(List.of(grep), first), 0);

        Usage second = cache.next(window(List.of(grep), edited), 0);

        assertThat(second).isEqualTo(new Usage(0, tokens(List.of(grep), edited), 0, 0, 0));
    }

    @Test
    void a_request_whose_middle_message_changed_reads_only_an_older_prompt_that_still_matches() {
        List<Message> first = List.of(system, task);
        List<Message> second = List.of(system, task, call(1), result(1));
        ToolResult trimmed = new ToolResult("c1", "grep", "[output trimmed]", false);
        List<Message> third = List.of(system, task, call(1), trimmed, call(2), result(2));
        BreakpointCacheSimulator cache = simulator(10, NO_LOOKBACK_LIMIT);
        cache.next(window(List.of(grep), first), 0);
        cache.next(window(List.of(grep), second), 0);

        Usage usage = cache.next(window(List.of(grep), third), 0);

        long read = tokens(List.of(grep), first);
        long written = COUNTER.count(call(1)) + COUNTER.count(trimmed) + COUNTER.count(call(2)) + COUNTER.count(result(2));
        assertThat(usage).isEqualTo(new Usage(0, written, read, 0, 0));
    }

    @Test
    void a_prefix_further_back_than_the_lookback_limit_is_not_read() {
        List<Message> first = List.of(system, task);
        List<Message> threeLater = concat(first, call(1), result(1), call(2));
        BreakpointCacheSimulator cache = simulator(10, 2);
        cache.next(window(List.of(), first), 0);

        Usage usage = cache.next(window(List.of(), threeLater), 0);

        assertThat(usage).isEqualTo(new Usage(0, tokens(List.of(), threeLater), 0, 0, 0));
    }

    @Test
    void a_prefix_exactly_at_the_lookback_limit_is_read() {
        List<Message> first = List.of(system, task);
        List<Message> twoLater = concat(first, call(1), result(1));
        BreakpointCacheSimulator cache = simulator(10, 2);
        cache.next(window(List.of(), first), 0);

        Usage usage = cache.next(window(List.of(), twoLater), 0);

        long read = tokens(List.of(), first);
        assertThat(usage).isEqualTo(new Usage(0, COUNTER.count(call(1)) + COUNTER.count(result(1)), read, 0, 0));
    }

    @Test
    void an_older_prompt_out_of_reach_does_not_stop_a_nearer_one_from_being_read() {
        // With a lookback of 2 the first prompt (2 blocks) is out of reach of the third (6 blocks); the second (4) is not.
        List<Message> first = List.of(system, task);
        List<Message> second = concat(first, call(1), result(1));
        List<Message> third = concat(second, call(2), result(2));
        BreakpointCacheSimulator cache = simulator(10, 2);
        cache.next(window(List.of(), first), 0);
        cache.next(window(List.of(), second), 0);

        Usage usage = cache.next(window(List.of(), third), 0);

        assertThat(usage.cacheRead()).isEqualTo(tokens(List.of(), second));
        assertThat(usage.cacheWrite()).isEqualTo(COUNTER.count(call(2)) + COUNTER.count(result(2)));
    }

    @Test
    void tools_are_part_of_the_prefix_so_changing_a_tool_spec_breaks_the_cache() {
        ToolSpec changedGrep = new ToolSpec("grep", "search files for a regular expression", schema("regex"));
        List<Message> first = List.of(system, task);
        List<Message> second = concat(first, call(1), result(1));
        BreakpointCacheSimulator cache = simulator(10, NO_LOOKBACK_LIMIT);
        cache.next(window(List.of(grep), first), 0);

        Usage usage = cache.next(window(List.of(changedGrep), second), 0);

        assertThat(usage).isEqualTo(new Usage(0, tokens(List.of(changedGrep), second), 0, 0, 0));
    }

    @Test
    void adding_a_tool_breaks_the_cache_even_when_the_messages_are_append_only() {
        ToolSpec read = new ToolSpec("read_file", "read a file", schema("path"));
        List<Message> first = List.of(system, task);
        List<Message> second = concat(first, call(1), result(1));
        BreakpointCacheSimulator cache = simulator(10, NO_LOOKBACK_LIMIT);
        cache.next(window(List.of(grep), first), 0);

        Usage usage = cache.next(window(List.of(grep, read), second), 0);

        assertThat(usage.cacheRead()).isZero();
        assertThat(usage.cacheWrite()).isEqualTo(tokens(List.of(grep, read), second));
    }

    @Test
    void tool_tokens_count_towards_the_minimum_cacheable_length() {
        List<Message> messages = List.of(system, task);
        long withoutTools = tokens(List.of(), messages);
        long withTools = tokens(List.of(grep), messages);
        BreakpointCacheSimulator cache = simulator((int) withoutTools + 1, NO_LOOKBACK_LIMIT);

        assertThat(cache.next(window(List.of(), messages), 0)).isEqualTo(new Usage(withoutTools, 0, 0, 0, 0));
        assertThat(cache.next(window(List.of(grep), messages), 0)).isEqualTo(new Usage(0, withTools, 0, 0, 0));
    }

    @Test
    void separate_simulators_do_not_share_a_cache() {
        List<Message> messages = List.of(system, task);
        long total = tokens(List.of(grep), messages);
        simulator(10, NO_LOOKBACK_LIMIT).next(window(List.of(grep), messages), 0);

        Usage fresh = simulator(10, NO_LOOKBACK_LIMIT).next(window(List.of(grep), messages), 0);

        assertThat(fresh).isEqualTo(new Usage(0, total, 0, 0, 0));
    }

    /** A user message counting exactly {@code target} tokens: "word word ..." is one token per word plus overhead. */
    private static UserText userTextOfExactly(int target) {
        int overhead = COUNTER.count(new UserText(""));
        UserText message = new UserText("word" + " word".repeat(target - overhead - 1));
        assertThat(COUNTER.count(message)).as("test input of %d tokens", target).isEqualTo(target);
        return message;
    }

    @Test
    void anthropic_simulator_caches_from_1024_tokens() {
        UserText under = userTextOfExactly(1023);
        UserText exactly = userTextOfExactly(1024);
        BreakpointCacheSimulator cache = BreakpointCacheSimulator.anthropic(COUNTER);

        assertThat(cache.next(window(List.of(), List.of(under)), 0)).isEqualTo(new Usage(1023, 0, 0, 0, 0));
        assertThat(cache.next(window(List.of(), List.of(exactly)), 0)).isEqualTo(new Usage(0, 1024, 0, 0, 0));
    }

    @Test
    void anthropic_simulator_looks_back_twenty_blocks() {
        UserText big = userTextOfExactly(1100);
        List<Message> twenty = new ArrayList<>(List.of(big));
        for (int i = 0; i < 10; i++) {
            twenty.add(call(i));
            twenty.add(result(i));
        }
        List<Message> twentyOne = concat(twenty, call(10));

        BreakpointCacheSimulator inReach = BreakpointCacheSimulator.anthropic(COUNTER);
        inReach.next(window(List.of(), List.of(big)), 0);
        BreakpointCacheSimulator outOfReach = BreakpointCacheSimulator.anthropic(COUNTER);
        outOfReach.next(window(List.of(), List.of(big)), 0);

        assertThat(inReach.next(window(List.of(), twenty), 0).cacheRead()).isEqualTo(1100);
        assertThat(outOfReach.next(window(List.of(), twentyOne), 0).cacheRead()).isZero();
    }

    // Windows with breakpoints where a strategy puts them: after the system prompt, at a frontier, at the end.

    private static Window marked(List<? extends Message> head, List<? extends Message> tail) {
        return new WindowFactory(COUNTER).builder()
                .segment(SegmentKind.SYSTEM, head.subList(0, 1)).breakpoint()
                .segment(SegmentKind.HISTORY, head.subList(1, head.size())).breakpoint()
                .segment(SegmentKind.HISTORY, tail).breakpoint()
                .build();
    }

    private List<Message> turns(int from, int to) {
        List<Message> turns = new ArrayList<>();
        for (int i = from; i < to; i++) {
            turns.add(call(i));
            turns.add(result(i));
        }
        return turns;
    }

    @Test
    void a_window_without_breakpoints_is_all_uncached_input() {
        Window window = new WindowFactory(COUNTER).builder().segment(SegmentKind.HISTORY, List.of(system, task)).build();

        Usage usage = simulator(0, NO_LOOKBACK_LIMIT).next(window, 7);

        assertThat(usage).isEqualTo(new Usage(tokens(List.of(), List.of(system, task)), 0, 0, 7, 0));
    }

    @Test
    void tokens_after_the_last_breakpoint_are_uncached_and_not_written() {
        Window window = new WindowFactory(COUNTER).builder()
                .segment(SegmentKind.SYSTEM, List.of(system)).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(task)).build();

        Usage usage = simulator(0, NO_LOOKBACK_LIMIT).next(window, 0);

        assertThat(usage).isEqualTo(new Usage(COUNTER.count(task), COUNTER.count(system), 0, 0, 0));
    }

    @Test
    void a_rewritten_tail_reads_up_to_the_frontier_breakpoint_even_far_beyond_the_lookback() {
        List<Message> head = concat(List.of(system, task), turns(0, 30).toArray(Message[]::new));
        BreakpointCacheSimulator simulator = simulator(0, 5);
        simulator.next(marked(head, turns(30, 32)), 0);

        // A compaction rewrote everything after the frontier: only the head is still the same.
        List<Message> rewritten = List.of(new UserText("a compacted tail"), call(99), result(99));
        Usage usage = simulator.next(marked(head, rewritten), 0);

        long headTokens = tokens(List.of(), head);
        assertThat(usage.cacheRead()).isEqualTo(headTokens);
        assertThat(usage.cacheWrite()).isEqualTo(tokens(List.of(), rewritten));
    }

    @Test
    void a_breakpoint_under_the_minimum_is_not_written_but_a_later_one_is() {
        List<Message> head = List.of(system, task);
        List<Message> tail = turns(0, 10);
        int min = (int) tokens(List.of(), head) + 1;
        BreakpointCacheSimulator simulator = simulator(min, NO_LOOKBACK_LIMIT);
        Window first = marked(head, tail);
        simulator.next(first, 0);

        // Same head, different tail: the head alone was too short to be cached, so nothing is read.
        Usage usage = simulator.next(marked(head, turns(50, 60)), 0);

        assertThat(usage.cacheRead()).isZero();
        assertThat(usage.cacheWrite()).isEqualTo(tokens(List.of(), concat(head, turns(50, 60).toArray(Message[]::new))));
    }

    @Test
    void a_cached_prefix_expires_five_minutes_after_it_was_last_used_and_each_read_refreshes_it() {
        List<Message> head = concat(List.of(system, task), turns(0, 10).toArray(Message[]::new));
        BreakpointCacheSimulator simulator = simulator(0, NO_LOOKBACK_LIMIT);
        java.time.Instant start = java.time.Instant.parse("2026-11-25T10:00:00Z");
        long headTokens = tokens(List.of(), head);

        simulator.next(marked(head, turns(10, 11)), 0, start);
        // Read every four minutes, the prefix stays warm well past five minutes from its first write.
        for (int minute = 4; minute <= 12; minute += 4) {
            Usage usage = simulator.next(marked(head, turns(20 + minute, 21 + minute)), 0, start.plusSeconds(60L * minute));
            assertThat(usage.cacheRead()).as("minute %d", minute).isEqualTo(headTokens);
        }
        // After a pause of six minutes it has expired: everything is written again.
        Usage cold = simulator.next(marked(head, turns(40, 41)), 0, start.plusSeconds(60L * 18));
        assertThat(cold.cacheRead()).isZero();
        assertThat(cold.cacheWrite()).isEqualTo(tokens(List.of(), concat(head, turns(40, 41).toArray(Message[]::new))));
    }

    @Test
    void the_minimum_cacheable_length_depends_on_the_model() {
        assertThat(BreakpointCacheSimulator.minCacheableTokens("claude-sonnet-4-6")).isEqualTo(1_024);
        assertThat(BreakpointCacheSimulator.minCacheableTokens("claude-opus-4-6")).isEqualTo(4_096);
        assertThat(BreakpointCacheSimulator.minCacheableTokens("claude-haiku-4-5-20251001")).isEqualTo(4_096);

        // 2,000 tokens of prefix: cached for Sonnet, not for Haiku 4.5.
        List<Message> head = List.of(new SystemText("word ".repeat(2_000)), task);
        Window window = marked(head, List.of());
        CacheLifetime fiveMinutes = CacheLifetime.FIVE_MINUTES;
        assertThat(BreakpointCacheSimulator.anthropic(COUNTER, "claude-sonnet-4-6", fiveMinutes, SONNET).next(window, 0)
                .cacheWrite()).isPositive();
        assertThat(BreakpointCacheSimulator.anthropic(COUNTER, "claude-haiku-4-5", fiveMinutes, HAIKU).next(window, 0)
                .cacheWrite()).isZero();
    }

    /** A large prompt (40,000 words of system text) and its turns, sent at the given offsets from the start. */
    private List<Usage> session(CacheLifetime lifetimes, Duration... gaps) {
        List<Message> head = List.of(new SystemText("word ".repeat(40_000)), task);
        BreakpointCacheSimulator simulator =
                BreakpointCacheSimulator.anthropic(COUNTER, "claude-sonnet-4-6", lifetimes, SONNET);
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        List<Usage> usages = new ArrayList<>(List.of(simulator.next(marked(head, turns(0, 1)), 0, at)));
        for (int i = 0; i < gaps.length; i++) {
            at = at.plus(gaps[i]);
            usages.add(simulator.next(marked(head, turns(0, i + 2)), 0, at));
        }
        return usages;
    }

    private static double cost(List<Usage> usages) {
        return usages.stream().mapToDouble(SONNET::cost).sum();
    }

    @Test
    void under_auto_a_small_addition_after_a_pause_is_written_for_an_hour_and_read_after_the_next_pause() {
        Duration pause = Duration.ofMinutes(10);
        Duration step = Duration.ofSeconds(30);
        List<Usage> auto = session(CacheLifetime.AUTO, pause, step, pause);
        List<Usage> fiveMinutes = session(CacheLifetime.FIVE_MINUTES, pause, step, pause);

        // The first pause found every 5-minute entry gone: all of it written again, for 5 minutes (nothing cached,
        // so an hour would need P > 0.75 / 1.15, and one pause in one gap is 1/2).
        assertThat(auto.get(1).cacheRead()).isZero();
        assertThat(auto.get(1).cacheWrite1h()).isZero();
        // Then one pause in two gaps: the next turn, small beside the prefix, is written for an hour...
        Usage small = auto.get(2);
        assertThat(small.cacheRead()).isEqualTo(auto.get(1).cacheWrite());
        assertThat(small.cacheWrite1h()).isEqualTo(small.cacheWrite()).isPositive();
        // ...and outlives the next pause, while the 5-minute prefixes within it have expired: all of it is read.
        assertThat(auto.get(3).cacheRead()).isEqualTo(small.cacheRead() + small.cacheWrite());
        assertThat(fiveMinutes.get(3).cacheRead()).isZero();
        // About 40,100 tokens written twice at $3.75 per million and read twice at $0.30, 64 written at $6; at 5
        // minutes, written three times and read once.
        assertThat(cost(auto)).isCloseTo(0.325, within(0.0005));
        assertThat(cost(fiveMinutes)).isCloseTo(0.463, within(0.0005));
    }

    @Test
    void under_auto_a_request_that_marks_no_breakpoint_is_no_gap_the_rule_counts() {
        // A summarizing strategy's request (SummaryRequest) marks none: it neither reads nor writes the cache, so the
        // gaps that decide a lifetime are those between the requests that do, live as in a replay that bills it apart.
        List<Message> head = List.of(new SystemText("word ".repeat(40_000)), task);
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        List<Usage> plain = new ArrayList<>();
        List<Usage> summarized = new ArrayList<>();
        for (List<Usage> usages : List.of(plain, summarized)) {
            BreakpointCacheSimulator auto = BreakpointCacheSimulator.anthropic(COUNTER, "claude-sonnet-4-6",
                    CacheLifetime.AUTO, SONNET);
            usages.add(auto.next(marked(head, turns(0, 1)), 0, at));
            if (usages == summarized) {
                // Within the ten minutes: counted, they would cut its pause into gaps of 4, 5 and 1 minutes.
                Window summary = new WindowFactory(COUNTER).builder().segment(SegmentKind.HISTORY, turns(0, 1)).build();
                auto.next(summary, 0, at.plus(Duration.ofMinutes(4)));
                auto.next(summary, 0, at.plus(Duration.ofMinutes(9)));
            }
            usages.add(auto.next(marked(head, turns(0, 2)), 0, at.plus(Duration.ofMinutes(10))));
            usages.add(auto.next(marked(head, turns(0, 3)), 0, at.plus(Duration.ofMinutes(10).plusSeconds(30))));
        }

        assertThat(plain.get(2).cacheWrite1h()).as("one pause in two gaps: an hour").isPositive();
        assertThat(summarized).isEqualTo(plain);
    }

    @Test
    void under_auto_with_no_pause_seen_every_request_writes_for_five_minutes() {
        Duration[] steps = new Duration[30];
        java.util.Arrays.fill(steps, Duration.ofSeconds(30));

        List<Usage> auto = session(CacheLifetime.AUTO, steps);

        assertThat(auto).isEqualTo(session(CacheLifetime.FIVE_MINUTES, steps));
        assertThat(auto).allSatisfy(usage -> assertThat(usage.cacheWrite1h()).isZero());
        // Written once, then read 30 times at a tenth of the input price.
        assertThat(cost(auto)).isCloseTo(0.518, within(0.0005));
    }

    @Test
    void a_read_the_provider_did_not_serve_is_written_again_at_the_lifetime_the_request_chose() {
        BreakpointCacheSimulator hour = BreakpointCacheSimulator.anthropic(COUNTER, "claude-sonnet-4-6",
                CacheLifetime.ONE_HOUR, SONNET);
        List<Message> head = List.of(new SystemText("word ".repeat(2_000)), task);
        hour.next(marked(head, turns(0, 1)), 0);
        Usage predicted = hour.next(marked(head, turns(0, 2)), 0);

        assertThat(hour.servedAtMost(predicted, 0).cacheWrite1h()).isEqualTo(predicted.input() - predicted.uncachedInput());
    }

    /** A request that adds nothing reads all of a 5-minute prefix, but marks its breakpoints with what it chose. */
    @Test
    void under_auto_a_read_the_provider_did_not_serve_is_written_again_at_the_lifetime_the_request_marked() {
        BreakpointCacheSimulator auto = BreakpointCacheSimulator.anthropic(COUNTER, "claude-sonnet-4-6",
                CacheLifetime.AUTO, SONNET);
        List<Message> head = List.of(new SystemText("word ".repeat(2_000)), task);
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        auto.next(marked(head, turns(0, 1)), 0, at);
        Usage afterPause = auto.next(marked(head, turns(0, 2)), 0, at.plus(Duration.ofMinutes(10)));
        Usage same = auto.next(marked(head, turns(0, 2)), 0, at.plus(Duration.ofMinutes(10).plusSeconds(30)));

        assertThat(afterPause.cacheWrite1h()).as("all of it new: written for 5 minutes").isZero();
        assertThat(same.cacheWrite()).as("nothing added, so an hour costs nothing more").isZero();
        assertThat(auto.servedAtMost(same, 0).cacheWrite1h()).isEqualTo(same.cacheRead()).isPositive();
    }
}
