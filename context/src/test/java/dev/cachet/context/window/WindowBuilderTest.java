package dev.cachet.context.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.message.UserText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowBuilderTest {
    private static final TokenCounter SHARED = TokenCounter.o200k();

    private final TokenCounter counter = SHARED;
    private final WindowFactory factory = new WindowFactory(counter);
    private final Prefixes prefixes = new Prefixes();

    private final ToolSpec grep = new ToolSpec("grep", "search the workspace",
            JsonNodeFactory.instance.objectNode().put("type", "object"));
    private final ToolSpec read = new ToolSpec("read_file", "read a file",
            JsonNodeFactory.instance.objectNode().put("type", "object"));
    private final SystemText system = new SystemText("You are a coding agent.");
    private final UserText state = new UserText("## Task state\n\nGoal: fix the parser\n");
    private final UserText task = new UserText("Fix the parser, it fails on negative numbers.");
    private final AssistantTurn call = AssistantTurn.calls("Let me search.", new ToolCall("c1", "grep", "{\"pattern\":\"parse\"}"));
    private final ToolResult result = new ToolResult("c1", "grep", "src/Parser.java:12: int parse(String s)", false);
    private final AssistantTurn answer = AssistantTurn.text("The bug is in parse.");

    private int sum(List<? extends Message> messages) {
        return messages.stream().mapToInt(counter::count).sum();
    }

    private Window sample() {
        return factory.builder()
                .tools(List.of(grep, read))
                .segment(SegmentKind.SYSTEM, List.of(system)).breakpoint()
                .segment(SegmentKind.STATE, List.of(state)).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(task, call)).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(result, answer)).breakpoint()
                .build();
    }

    @Test
    void counts_tokens_per_segment_and_in_total() {
        Window window = sample();

        int tools = counter.count(grep) + counter.count(read);
        assertThat(window.toolTokens()).isEqualTo(tools);
        assertThat(window.segments()).extracting(Segment::kind)
                .containsExactly(SegmentKind.SYSTEM, SegmentKind.STATE, SegmentKind.HISTORY, SegmentKind.HISTORY);
        assertThat(window.segments()).extracting(Segment::tokens).containsExactly(
                counter.count(system), counter.count(state), sum(List.of(task, call)), sum(List.of(result, answer)));
        assertThat(window.tokens()).isEqualTo(tools + sum(List.of(system, state, task, call, result, answer)));
        assertThat(window.messages()).containsExactly(system, state, task, call, result, answer);
        assertThat(window.tools()).containsExactly(grep, read);
        assertThat(window.compaction()).isEmpty();
    }

    @Test
    void tokens_by_segment_merges_runs_of_one_kind_and_counts_the_tools_array() {
        Map<SegmentKind, Integer> bySegment = sample().tokensBySegment();

        assertThat(bySegment).containsExactly(
                entry(SegmentKind.SYSTEM, counter.count(system)),
                entry(SegmentKind.TOOLS, counter.count(grep) + counter.count(read)),
                entry(SegmentKind.STATE, counter.count(state)),
                entry(SegmentKind.HISTORY, sum(List.of(task, call, result, answer))));
    }

    @Test
    void a_window_without_tools_has_no_tools_segment_and_empty_segments_are_left_out() {
        Window window = factory.builder()
                .segment(SegmentKind.SYSTEM, List.of(system))
                .segment(SegmentKind.STATE, List.of())
                .segment(SegmentKind.HISTORY, List.of(task))
                .build();

        assertThat(window.toolTokens()).isZero();
        assertThat(window.segments()).extracting(Segment::kind).containsExactly(SegmentKind.SYSTEM, SegmentKind.HISTORY);
        assertThat(window.tokensBySegment()).containsOnlyKeys(SegmentKind.SYSTEM, SegmentKind.HISTORY);
        assertThat(window.tokens()).isEqualTo(counter.count(system) + counter.count(task));
    }

    @Test
    void breakpoints_record_message_count_and_cumulative_tokens_including_the_tools() {
        Window window = sample();

        int tools = counter.count(grep) + counter.count(read);
        assertThat(window.breakpoints()).extracting(Breakpoint::messages).containsExactly(1, 2, 4, 6);
        assertThat(window.breakpoints()).extracting(Breakpoint::tokens).containsExactly(
                tools + counter.count(system),
                tools + sum(List.of(system, state)),
                tools + sum(List.of(system, state, task, call)),
                tools + sum(List.of(system, state, task, call, result, answer)));
    }

    @Test
    void four_breakpoints_are_allowed_and_a_fifth_is_rejected() {
        WindowBuilder builder = factory.builder().tools(List.of(grep));
        for (Message message : List.of(system, state, task, call)) {
            builder.segment(SegmentKind.HISTORY, List.of(message)).breakpoint();
        }
        assertThat(builder.build().breakpoints()).hasSize(4);

        builder.segment(SegmentKind.HISTORY, List.of(result)).breakpoint();
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 cache breakpoints")
                .hasMessageContaining("allow 4");
    }

    @Test
    void the_window_itself_rejects_five_breakpoints() {
        List<Breakpoint> five = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            five.add(new Breakpoint(i, i, "h" + i));
        }
        assertThatThrownBy(() -> new Window(List.of(), 0, List.of(), five, "h", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_repeated_breakpoint_at_the_same_place_is_ignored() {
        Window window = factory.builder()
                .tools(List.of(grep))
                .segment(SegmentKind.SYSTEM, List.of(system)).breakpoint().breakpoint()
                .segment(SegmentKind.HISTORY, List.of()).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(task)).breakpoint().breakpoint()
                .build();

        assertThat(window.breakpoints()).extracting(Breakpoint::messages).containsExactly(1, 2);
    }

    @Test
    void a_breakpoint_before_any_message_is_ignored() {
        Window window = factory.builder().tools(List.of(grep)).breakpoint()
                .segment(SegmentKind.SYSTEM, List.of(system))
                .build();

        assertThat(window.breakpoints()).isEmpty();
    }

    @Test
    void the_hash_at_a_breakpoint_is_the_hash_of_a_window_of_only_the_tools_and_messages_before_it() {
        Window window = sample();

        List<Message> messages = window.messages();
        for (Breakpoint breakpoint : window.breakpoints()) {
            Window prefixOnly = factory.builder()
                    .tools(List.of(grep, read))
                    .segment(SegmentKind.HISTORY, messages.subList(0, breakpoint.messages()))
                    .build();
            assertThat(breakpoint.prefixHash()).as("breakpoint at %d", breakpoint.messages())
                    .isEqualTo(prefixOnly.prefixHash());
        }
        assertThat(window.breakpoints().get(3).prefixHash()).isEqualTo(window.prefixHash());
    }

    @Test
    void hashes_are_sha256_chained_over_each_tool_and_message_as_documented() {
        Window window = sample();

        List<Message> messages = window.messages();
        assertThat(window.prefixHash()).hasSize(16).isEqualTo(prefixes.hash(List.of(grep, read), messages));
        assertThat(window.breakpoints().get(1).prefixHash())
                .isEqualTo(prefixes.hash(List.of(grep, read), messages.subList(0, 2)));
    }

    @Test
    void hashes_differ_when_any_earlier_message_or_tool_changes() {
        Window base = sample();
        Breakpoint third = base.breakpoints().get(2);

        Window otherTask = factory.builder().tools(List.of(grep, read))
                .segment(SegmentKind.SYSTEM, List.of(system)).breakpoint()
                .segment(SegmentKind.STATE, List.of(state)).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(new UserText("Fix the lexer."), call)).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(result, answer)).breakpoint()
                .build();
        Window otherSystem = factory.builder().tools(List.of(grep, read))
                .segment(SegmentKind.SYSTEM, List.of(new SystemText("You are an agent."))).breakpoint()
                .segment(SegmentKind.STATE, List.of(state)).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(task, call)).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(result, answer)).breakpoint()
                .build();
        Window otherTool = factory.builder()
                .tools(List.of(grep, new ToolSpec("read_file", "read a file by path", read.parameters())))
                .segment(SegmentKind.SYSTEM, List.of(system)).breakpoint()
                .segment(SegmentKind.STATE, List.of(state)).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(task, call)).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(result, answer)).breakpoint()
                .build();
        Window otherLaterMessage = factory.builder().tools(List.of(grep, read))
                .segment(SegmentKind.SYSTEM, List.of(system)).breakpoint()
                .segment(SegmentKind.STATE, List.of(state)).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(task, call)).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(new ToolResult("c1", "grep", "no matches", false), answer)).breakpoint()
                .build();

        assertThat(otherTask.breakpoints().get(2).prefixHash()).isNotEqualTo(third.prefixHash());
        assertThat(otherTask.breakpoints().get(1).prefixHash()).isEqualTo(base.breakpoints().get(1).prefixHash());
        assertThat(otherSystem.breakpoints()).extracting(Breakpoint::prefixHash)
                .doesNotContainAnyElementsOf(base.breakpoints().stream().map(Breakpoint::prefixHash).toList());
        assertThat(otherTool.breakpoints()).extracting(Breakpoint::prefixHash)
                .doesNotContainAnyElementsOf(base.breakpoints().stream().map(Breakpoint::prefixHash).toList());
        assertThat(otherLaterMessage.breakpoints().subList(0, 3)).isEqualTo(base.breakpoints().subList(0, 3));
        assertThat(otherLaterMessage.prefixHash()).isNotEqualTo(base.prefixHash());
    }

    @Test
    void a_tool_order_change_changes_every_hash() {
        Window swapped = factory.builder().tools(List.of(read, grep))
                .segment(SegmentKind.SYSTEM, List.of(system)).breakpoint()
                .build();
        Window base = factory.builder().tools(List.of(grep, read))
                .segment(SegmentKind.SYSTEM, List.of(system)).breakpoint()
                .build();

        assertThat(swapped.prefixHash()).isNotEqualTo(base.prefixHash());
        assertThat(swapped.breakpoints().get(0).tokens()).isEqualTo(base.breakpoints().get(0).tokens());
    }

    @Test
    void equal_content_built_by_separate_factories_hashes_the_same() {
        Window other = new WindowFactory(counter).builder()
                .tools(List.of(grep, read))
                .segment(SegmentKind.SYSTEM, List.of(new SystemText(system.text()))).breakpoint()
                .segment(SegmentKind.STATE, List.of(state)).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(task, call)).breakpoint()
                .segment(SegmentKind.HISTORY, List.of(result, answer)).breakpoint()
                .build();

        assertThat(other.breakpoints()).isEqualTo(sample().breakpoints());
        assertThat(other.prefixHash()).isEqualTo(sample().prefixHash());
    }

    @Test
    void with_compaction_keeps_the_content_and_adds_the_compaction() {
        Window window = sample();
        Compaction done = new Compaction("mask", 100, 40, 60, 12.5);

        Window compacted = window.withCompaction(done);

        assertThat(compacted.compaction()).contains(done);
        assertThat(compacted.messages()).isEqualTo(window.messages());
        assertThat(compacted.breakpoints()).isEqualTo(window.breakpoints());
        assertThat(compacted.prefixHash()).isEqualTo(window.prefixHash());
        assertThat(compacted.tokens()).isEqualTo(window.tokens());
    }
}
