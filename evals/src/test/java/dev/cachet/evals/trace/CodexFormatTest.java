package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.providers.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodexFormatTest {
    private static final Path ROLLOUT = TraceSamples.FIXTURES.resolve("codex/rollout.jsonl");
    private static final String CORPUS_ROLLOUT =
            "codex-cli/rollout-2026-05-11T11-26-55-019e1625-789d-76c0-80ab-3724b5ddb799.jsonl";

    private final CodexFormat format = new CodexFormat();

    @TempDir
    Path dir;

    private Trajectory read(Path file) {
        return Traces.only(format, file);
    }

    @Test
    void reads_the_session_around_the_model_calls() {
        Trajectory trajectory = read(ROLLOUT);

        assertThat(trajectory.model()).contains("gpt-test");
        assertThat(trajectory.systemPrompt()).isEqualTo("You are Codex.");
        assertThat(trajectory.task()).isEqualTo("fix the bug");
        assertThat(trajectory.tools()).isEmpty();
    }

    @Test
    void a_call_is_its_output_items_closed_by_its_token_count_and_its_results_follow() {
        TrajectoryTurn first = read(ROLLOUT).turns().get(0);

        // The harness's developer and context messages come before the task; they are input of the first call.
        assertThat(first.userMessages()).containsExactly(
                new UserText("<permissions>sandboxed</permissions>"),
                new UserText("# AGENTS.md instructions\n<environment_context/>"));
        assertThat(first.action()).isEqualTo(
                AssistantTurn.calls("", new ToolCall("call_1", "exec_command", "{\"cmd\":\"ls\"}")));
        assertThat(first.observations()).containsExactly(new ToolResult("call_1", "exec_command", "A.java", false));
        assertThat(first.usage()).contains(new Usage(100, 0, 0, 10, 4));
        assertThat(first.at()).contains(Instant.parse("2026-01-01T10:00:01.000Z"));
    }

    @Test
    void custom_tool_calls_and_web_searches_are_tool_calls_and_repeated_or_empty_token_counts_are_not_calls() {
        List<TrajectoryTurn> turns = read(ROLLOUT).turns();
        TrajectoryTurn second = turns.get(1);

        assertThat(turns).hasSize(4);
        assertThat(second.action().toolCalls()).containsExactly(
                new ToolCall("call_2", "apply_patch", "{\"input\":\"*** Begin Patch\"}"),
                new ToolCall("web_search:14", "web_search", "{\"type\":\"search\",\"query\":\"bug\"}"));
        assertThat(second.observations()).containsExactly(new ToolResult("call_2", "apply_patch", "Done", false));
        assertThat(second.usage()).contains(new Usage(70, 0, 80, 20, 0));
        assertThat(turns.get(2).action()).isEqualTo(AssistantTurn.text("Fixed it."));
        assertThat(turns.get(2).usage()).contains(new Usage(30, 0, 120, 5, 0));
    }

    @Test
    void output_after_the_last_token_count_is_a_turn_without_usage() {
        TrajectoryTurn last = read(ROLLOUT).turns().get(3);

        assertThat(last.userMessages()).containsExactly(new UserText("thanks"));
        assertThat(last.action()).isEqualTo(AssistantTurn.text("You're welcome."));
        assertThat(last.usage()).isEmpty();
    }

    @Test
    void reads_the_corpus_rollout_with_one_turn_per_billed_call() throws IOException {
        Path file = Corpus.file(CORPUS_ROLLOUT);
        Billing billing = Billing.of(file);
        Trajectory trajectory = read(file);

        assertThat(billing.calls()).isEqualTo(66);
        assertThat(trajectory.turns()).hasSize(66);
        assertThat(trajectory.hasRecordedUsage()).isTrue();
        assertThat(trajectory.model()).contains("gpt-5.5");
        assertThat(trajectory.systemPrompt()).startsWith("You are Codex");
        assertThat(trajectory.task()).isEqualTo("show tools");
        assertThat(trajectory.turns()).flatMap(TrajectoryTurn::userMessages)
                .contains(new UserText("let's update the defailt context compart to 90 in env var"));
    }

    @Test
    void the_corpus_rollouts_calls_are_its_function_custom_and_web_search_calls_each_answered_but_searches()
            throws IOException {
        Trajectory trajectory = read(Corpus.file(CORPUS_ROLLOUT));
        Map<String, Long> byTool = trajectory.turns().stream()
                .flatMap(turn -> turn.action().toolCalls().stream())
                .collect(Collectors.groupingBy(
                        call -> call.name().equals("apply_patch") || call.name().equals("web_search")
                                ? call.name() : "function",
                        Collectors.counting()));

        assertThat(byTool).containsExactlyInAnyOrderEntriesOf(
                Map.of("function", 99L, "apply_patch", 3L, "web_search", 3L));
        assertThat(trajectory.turns()).flatMap(TrajectoryTurn::observations).hasSize(102);
    }

    @Test
    void the_corpus_rollouts_usage_adds_up_to_its_final_total() throws IOException {
        Path file = Corpus.file(CORPUS_ROLLOUT);
        Billing billing = Billing.of(file);
        Usage total = read(file).turns().stream()
                .map(turn -> turn.usage().orElseThrow())
                .reduce(Usage.ZERO, Usage::plus);

        assertThat(billing.sumOfLast()).isEqualTo(billing.finalTotal());
        assertThat(billing.finalTotal()).containsEntry("input_tokens", 6_055_836L)
                .containsEntry("cached_input_tokens", 4_929_536L);
        assertThat(total.input()).isEqualTo(6_055_836L);
        assertThat(total.cacheRead()).isEqualTo(4_929_536L);
        assertThat(total.uncachedInput()).isEqualTo(6_055_836L - 4_929_536L);
        assertThat(total.output()).isEqualTo(billing.finalTotal().get("output_tokens"));
        assertThat(total.reasoning()).isEqualTo(billing.finalTotal().get("reasoning_output_tokens"));
    }

    /**
     * What a rollout's token_count events say, walked from the JSON independently of the importer: how many carry
     * info, the sum of their last_token_usage, and the last total_token_usage.
     */
    private record Billing(int calls, Map<String, Long> sumOfLast, Map<String, Long> finalTotal) {
        static Billing of(Path file) throws IOException {
            int calls = 0;
            Map<String, Long> sum = new HashMap<>();
            Map<String, Long> total = Map.of();
            for (String line : Files.readAllLines(file)) {
                JsonNode payload = Json.mapper().readTree(line).path("payload");
                if (payload.path("type").asText().equals("token_count") && payload.path("info").isObject()) {
                    calls++;
                    counts(payload.at("/info/last_token_usage"))
                            .forEach((name, count) -> sum.merge(name, count, Long::sum));
                    total = counts(payload.at("/info/total_token_usage"));
                }
            }
            return new Billing(calls, sum, total);
        }

        private static Map<String, Long> counts(JsonNode usage) {
            Map<String, Long> counts = new HashMap<>();
            usage.properties().forEach(field -> counts.put(field.getKey(), field.getValue().asLong()));
            return counts;
        }
    }

    private static final Path FORK = TraceSamples.FIXTURES.resolve("codex/subagent-fork.jsonl");
    private static final Path UNCOUNTED = TraceSamples.FIXTURES.resolve("codex/no-token-count.jsonl");

    @Test
    void a_sub_agent_rollout_counts_only_its_own_calls_once_each_and_belongs_to_its_parents_session()
            throws IOException {
        Trajectory trajectory = read(FORK);
        List<JsonNode> lines = Files.readAllLines(FORK).stream().map(CodexFormatTest::json).toList();
        // Counted independently: token counts stamped after the copy burst at the fork, each new total once.
        Instant fork = Instant.parse(lines.get(0).path("timestamp").asText());
        List<JsonNode> own = lines.stream()
                .filter(line -> line.at("/payload/type").asText().equals("token_count"))
                .filter(line -> Instant.parse(line.path("timestamp").asText()).isAfter(fork.plusSeconds(1)))
                .map(line -> line.at("/payload/info/total_token_usage")).distinct().toList();

        assertThat(trajectory.turns()).hasSize(own.size());
        assertThat(trajectory.session()).isEqualTo("parent-1");
        assertThat(trajectory.task()).isEqualTo("explore the repo");
        assertThat(trajectory.turns()).extracting(TrajectoryTurn::agent).containsOnly("explorer");
        // The copied history's turn_context is the model of the first own call, until the rollout's own says otherwise.
        assertThat(trajectory.turns()).extracting(turn -> turn.model().orElseThrow())
                .containsExactly("gpt-5.2-codex", "gpt-5.1-codex-mini");
        assertThat(trajectory.turns().stream().map(turn -> turn.usage().orElseThrow()).reduce(Usage.ZERO, Usage::plus))
                .isEqualTo(new Usage(300 + 200, 0, 200, 30, 0));
    }

    @Test
    void a_sub_agent_spawned_afresh_counts_a_first_call_that_came_back_within_the_copy_burst() throws IOException {
        // No history copied: no ancestor's session_meta follows its own.
        Path log = Files.write(dir.resolve("rollout-fresh.jsonl"), List.of(subAgentMeta("10:00:00"), call(),
                report("10:00:00.800", 5_000, 0), call(), report("10:00:06", 6_000, 4_000)));

        assertThat(read(log).turns()).extracting(turn -> turn.usage().orElseThrow())
                .containsExactly(Usages.openAi(5_000, 0, 10, 0), Usages.openAi(6_000, 4_000, 10, 0));
    }

    @Test
    void a_fork_whose_copy_took_longer_than_the_burst_skips_it_up_to_its_ancestors_session_meta() throws IOException {
        // Each copied line within the burst of the one before, the copy as a whole over two seconds.
        Path log = Files.write(dir.resolve("rollout-slow-copy.jsonl"), List.of(subAgentMeta("10:00:00"), call(),
                report("10:00:00.600", 1_000, 0), call(), report("10:00:01.200", 2_000, 900), call(),
                report("10:00:01.800", 3_000, 1_900),
                "{\"timestamp\":\"2026-01-01T10:00:02.400Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"p1\"}}",
                call(), report("10:00:30", 3_500, 2_900)));

        assertThat(read(log).turns()).extracting(turn -> turn.usage().orElseThrow())
                .containsExactly(Usages.openAi(3_500, 2_900, 10, 0));
    }

    @Test
    void a_fork_whose_copy_ends_without_its_ancestors_session_meta_skips_the_reports_copied_at_once()
            throws IOException {
        String fork = "{\"timestamp\":\"2026-01-01T10:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"f1\","
                + "\"forked_from_id\":\"p1\"}}";
        Path log = Files.write(dir.resolve("rollout-fork.jsonl"), List.of(fork, call(), report("10:00:00.200", 1_000, 0),
                call(), report("10:00:00.400", 2_000, 900), call(), report("10:00:30", 2_500, 1_900)));

        assertThat(read(log).turns()).extracting(turn -> turn.usage().orElseThrow())
                .containsExactly(Usages.openAi(2_500, 1_900, 10, 0));
    }

    @Test
    void a_rollout_without_token_counts_has_a_call_per_answer_to_new_input_and_its_usage_unknown() {
        Trajectory trajectory = read(UNCOUNTED);

        // Three answers: the two parallel commands, the patch after their output, the last message after its output.
        assertThat(trajectory.turns()).extracting(turn -> turn.action().toolCalls().size()).containsExactly(2, 1, 0);
        assertThat(trajectory.toolCalls()).isEqualTo(3);
        assertThat(trajectory.turns()).allSatisfy(turn -> assertThat(turn.observations())
                .hasSameSizeAs(turn.action().toolCalls()));
        assertThat(trajectory.turns()).allSatisfy(turn -> assertThat(turn.usage()).isEmpty());
        assertThat(trajectory.turns()).extracting(turn -> turn.model().orElseThrow()).containsOnly("gpt-5.5");
        assertThat(trajectory.hasRecordedUsage()).isFalse();
        // Its thread's id (session_meta's), which its sub-agents name as their parent.
        assertThat(trajectory.session()).isEqualTo("desk-1");
    }

    @Test
    void a_rollout_whose_token_counts_report_only_rate_limits_has_its_calls_as_one_without_them() throws IOException {
        // Each line followed by a report without info, as Codex writes while it only knows the rate limits.
        String limits = "{\"timestamp\":\"2026-04-28T10:00:00Z\",\"type\":\"event_msg\",\"payload\":"
                + "{\"type\":\"token_count\",\"info\":null,\"rate_limits\":{\"primary\":{\"used_percent\":1.0}}}}";
        List<String> lines = Files.readAllLines(UNCOUNTED).stream().map(line -> line + "\n" + limits)
                .toList();
        Path reported = Files.write(dir.resolve("rollout-limits.jsonl"), lines);

        Trajectory trajectory = read(reported);

        assertThat(trajectory.turns()).extracting(turn -> turn.action().toolCalls().size()).containsExactly(2, 1, 0);
        assertThat(trajectory.hasRecordedUsage()).isFalse();
    }

    @Test
    void a_report_of_the_total_alone_bills_what_the_total_grew_by_and_a_total_that_fell_starts_a_counter_anew()
            throws IOException {
        Path log = rollout(call(), total(1_000, 100, 200, 20), call(), total(1_600, 300, 450, 40), call(),
                total(500, 0, 50, 0));

        assertThat(read(log).turns()).extracting(turn -> turn.usage().orElseThrow()).containsExactly(
                Usages.openAi(1_000, 100, 200, 20), Usages.openAi(600, 200, 250, 20), Usages.openAi(500, 0, 50, 0));
    }

    @Test
    void a_report_whose_info_has_no_running_total_is_no_call_and_the_rollouts_calls_are_still_billed()
            throws IOException {
        String noTotal = "{\"timestamp\":\"2026-01-01T10:00:00Z\",\"type\":\"event_msg\",\"payload\":{\"type\":"
                + "\"token_count\",\"info\":%s}}";
        Path log = rollout(call(), noTotal.formatted("{}"), noTotal.formatted("{\"total_token_usage\":null}"),
                report("10:00:01", 100, 60));

        assertThat(read(log).turns()).extracting(turn -> turn.usage().orElseThrow())
                .containsExactly(Usages.openAi(100, 60, 10, 0));
    }

    @Test
    void a_report_repeated_after_another_counters_report_is_no_new_call() throws IOException {
        // Two counters interleave (a second model's calls): the first's report comes again after the second's.
        String first = report("10:00:01", 100, 60);
        Path log = rollout(call(), first, call(), report("10:00:02", 40, 0), first);

        assertThat(read(log).turns()).extracting(turn -> turn.usage().orElseThrow())
                .containsExactly(Usages.openAi(100, 60, 10, 0), Usages.openAi(40, 0, 10, 0));
    }

    @Test
    void a_billed_calls_id_is_its_reports_time_and_total_so_a_history_copied_without_a_fork_mark_is_the_same_calls()
            throws IOException {
        String copied = report("10:00:01", 100, 60);
        List<TrajectoryTurn> parent = read(rollout(call(), copied)).turns();
        List<TrajectoryTurn> branch = read(rollout(call(), copied, call(), report("10:05:00", 300, 100))).turns();

        assertThat(branch.get(0).callId()).isPresent().isEqualTo(parent.get(0).callId());
        assertThat(branch.get(1).callId()).isPresent().isNotEqualTo(branch.get(0).callId());
        // The same total at another time is another report.
        assertThat(read(rollout(call(), report("11:00:01", 100, 60))).turns().get(0).callId())
                .isNotEqualTo(parent.get(0).callId());
    }

    @Test
    void a_compaction_starts_the_context_anew_from_what_it_kept() throws IOException {
        String compacted = "{\"timestamp\":\"2026-01-01T10:00:00Z\",\"type\":\"compacted\",\"payload\":";
        Path older = rollout(call(), report("10:00:01", 100, 0), compacted + "{\"message\":\"the summary\"}}", call(),
                report("10:00:02", 50, 0));
        String message = "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"%s\"}]}";
        Path newer = rollout(call(), report("10:00:01", 100, 0),
                compacted + "{\"message\":\"\",\"replacement_history\":["
                + message.formatted("fix it") + ",{\"type\":\"compaction\",\"encrypted_content\":\"xyz\"},"
                + message.formatted("summary") + "]}}", call(), report("10:00:02", 50, 0));

        List<TrajectoryTurn> turns = read(older).turns();
        assertThat(turns).extracting(TrajectoryTurn::contextRestart).containsExactly(false, true);
        assertThat(turns.get(1).userMessages()).containsExactly(new UserText("the summary"));
        // The history a newer Codex records replaces the context whole: its messages, the encrypted summary unread.
        assertThat(read(newer).turns().get(1).userMessages())
                .containsExactly(new UserText("fix it"), new UserText("summary"));
        assertThat(read(newer).turns().get(1).contextRestart()).isTrue();
    }

    @Test
    void a_report_of_a_total_without_its_counts_is_an_error_naming_file_and_line() throws IOException {
        Path log = rollout(call(), "{\"timestamp\":\"2026-01-01T10:00:00Z\",\"type\":\"event_msg\",\"payload\":{"
                + "\"type\":\"token_count\",\"info\":{\"total_token_usage\":{\"input_tokens\":10,"
                + "\"output_tokens\":\"5\"}}}}");

        assertThatThrownBy(() -> read(log)).isInstanceOf(TraceFormatException.class)
                .hasMessage(log + ":3: payload.info has no last_token_usage, and its total_token_usage no whole "
                        + "input_tokens and output_tokens to bill the call from");
        Path negative = rollout(call(), "{\"timestamp\":\"2026-01-01T10:00:00Z\",\"type\":\"event_msg\",\"payload\":{"
                + "\"type\":\"token_count\",\"info\":{\"total_token_usage\":{\"input_tokens\":10,"
                + "\"output_tokens\":-5}}}}");
        assertThatThrownBy(() -> read(negative)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining(":3: payload.info has no last_token_usage, and its total_token_usage no whole ");
    }

    @Test
    void a_negative_count_is_an_error_naming_file_line_and_field() throws IOException {
        Path log = rollout(call(), "{\"timestamp\":\"2026-01-01T10:00:00Z\",\"type\":\"event_msg\",\"payload\":{"
                + "\"type\":\"token_count\",\"info\":{\"total_token_usage\":{\"input_tokens\":10,"
                + "\"output_tokens\":5},\"last_token_usage\":{\"input_tokens\":10,\"cached_input_tokens\":-3,"
                + "\"output_tokens\":5}}}}");

        assertThatThrownBy(() -> read(log)).isInstanceOf(TraceFormatException.class)
                .hasMessage(log + ":3: payload.info.last_token_usage.cached_input_tokens is -3, not a token count");
    }

    @Test
    void a_compacted_line_of_another_shape_restarts_the_context_with_nothing_kept() throws IOException {
        Path log = rollout(call(), report("10:00:01", 100, 0), "{\"timestamp\":\"2026-01-01T10:00:00Z\",\"type\":"
                + "\"compacted\",\"payload\":{\"message\":{\"text\":\"x\"},\"replacement_history\":\"none\"}}", call(),
                report("10:00:02", 50, 0));

        TrajectoryTurn after = read(log).turns().get(1);
        assertThat(after.contextRestart()).isTrue();
        assertThat(after.userMessages()).isEmpty();
    }

    private Path rollout(String... lines) throws IOException {
        List<String> all = new java.util.ArrayList<>();
        all.add("{\"timestamp\":\"2026-01-01T10:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"r\"}}");
        all.addAll(List.of(lines));
        return Files.write(dir.resolve("rollout-" + Math.abs(all.hashCode()) + ".jsonl"), all);
    }

    private static String subAgentMeta(String time) {
        return "{\"timestamp\":\"2026-01-01T" + time + "Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"c1\","
                + "\"source\":{\"subagent\":{\"thread_spawn\":{\"parent_thread_id\":\"p1\",\"depth\":1}}}}}";
    }

    private static String call() {
        return "{\"timestamp\":\"2026-01-01T10:00:00Z\",\"type\":\"response_item\",\"payload\":"
                + "{\"type\":\"reasoning\"}}";
    }

    /** A token_count of an older Codex: the cumulative total alone. */
    private static String total(long input, long cached, long output, long reasoning) {
        return "{\"timestamp\":\"2026-01-01T10:00:00Z\",\"type\":\"event_msg\",\"payload\":{\"type\":"
                + "\"token_count\",\"info\":{\"total_token_usage\":" + usage(input, cached, output, reasoning)
                + "}}}";
    }

    /** A token_count with a call's usage, 10 output tokens of it, and the cumulative total. */
    private static String report(String time, long input, long cached) {
        return "{\"timestamp\":\"2026-01-01T" + time + "Z\",\"type\":\"event_msg\",\"payload\":{\"type\":"
                + "\"token_count\",\"info\":{\"total_token_usage\":" + usage(input * 3, cached * 3, 30, 0)
                + ",\"last_token_usage\":" + usage(input, cached, 10, 0) + "}}}";
    }

    private static String usage(long input, long cached, long output, long reasoning) {
        return "{\"input_tokens\":" + input + ",\"cached_input_tokens\":" + cached + ",\"output_tokens\":"
                + output + ",\"reasoning_output_tokens\":" + reasoning + ",\"total_tokens\":" + (input + output)
                + "}";
    }

    private static JsonNode json(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
