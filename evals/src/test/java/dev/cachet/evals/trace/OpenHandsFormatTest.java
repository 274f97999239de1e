package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.message.UserText;
import dev.cachet.providers.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenHandsFormatTest {
    private static final Path FIXTURES = TraceSamples.FIXTURES.resolve("openhands");
    private static final Path OUTPUT = FIXTURES.resolve("output.jsonl");
    private static final Path RUNTIME = FIXTURES.resolve("runtime.json");

    private final OpenHandsFormat format = new OpenHandsFormat();

    @TempDir
    Path dir;

    @Test
    void reads_each_line_of_evaluation_output_as_one_trajectory() {
        List<Trajectory> runs = format.read(OUTPUT);

        assertThat(runs).extracting(Trajectory::id).containsExactly("output.jsonl#demo__a-1", "output.jsonl#demo__a-2");
        Trajectory run = runs.get(0);
        assertThat(run.model()).contains("openai/openrouter-llama-4-maverick");
        assertThat(run.systemPrompt()).isEqualTo("You are OpenHands agent.");
        assertThat(run.task()).isEqualTo("Fix the bug in a.c");
        assertThat(run.tools()).extracting(ToolSpec::name).containsExactly("execute_bash", "finish");
        assertThat(run.tools().get(0).parameters().at("/required/0").asText()).isEqualTo("command");
        assertThat(run.tools().get(1).parameters().isObject()).isTrue();
    }

    @Test
    void a_negative_token_count_is_refused_naming_the_run_and_the_field() throws IOException {
        Path negative = Files.writeString(dir.resolve("output.jsonl"),
                Files.readString(OUTPUT).replaceFirst("(\"token_usages\": \\[\\{[^}]*\"prompt_tokens\": )1000", "$1-5"));

        assertThat(catchThrowable(() -> format.read(negative))).isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(negative + ":1: metrics.token_usages of ")
                .hasMessageEndingWith(": prompt_tokens is -5, not a token count");
    }

    @Test
    void an_instance_run_again_in_the_same_output_is_a_run_of_its_own() throws IOException {
        List<String> lines = Files.readAllLines(OUTPUT);
        lines.add(lines.get(0));
        Path rerun = Files.write(dir.resolve("output.jsonl"), lines);

        List<Trajectory> runs = format.read(rerun);

        assertThat(runs).extracting(Trajectory::id).containsExactly("output.jsonl#demo__a-1", "output.jsonl#demo__a-2",
                "output.jsonl#demo__a-1-run2");
        assertThat(runs).extracting(Trajectory::session).doesNotHaveDuplicates();
        assertThat(runs.get(2).turns()).isEqualTo(runs.get(0).turns());
    }

    @Test
    void one_turn_per_llm_response_holding_the_calls_of_all_its_actions() {
        Trajectory run = format.read(OUTPUT).get(0);

        assertThat(run.turns()).hasSize(3);
        assertThat(run.turns().get(0).action().text()).isEqualTo("Let me look, then fix.");
        assertThat(run.turns().get(0).action().toolCalls()).containsExactly(
                new ToolCall("call_1", "execute_bash", "{\"command\": \"ls\"}"),
                new ToolCall("call_2", "str_replace_editor", "{\"command\": \"view\", \"path\": \"/w/a.c\"}"));
        assertThat(run.turns().get(2).action().toolCalls()).extracting(ToolCall::name).containsExactly("finish");
        assertThat(run.toolCalls()).isEqualTo(4);
    }

    @Test
    void observations_answer_the_call_of_their_cause_and_failed_commands_are_errors() {
        List<TrajectoryTurn> turns = format.read(OUTPUT).get(0).turns();

        assertThat(turns.get(0).observations()).containsExactly(
                new ToolResult("call_1", "execute_bash", "ls: cannot open", true),
                new ToolResult("call_2", "str_replace_editor", "int main() {}", false));
        assertThat(turns.get(1).observations()).containsExactly(new ToolResult("call_3", "execute_bash", "all passed", false));
        assertThat(turns.get(2).observations()).isEmpty();
    }

    @Test
    void later_user_messages_and_errors_that_answer_no_action_precede_the_next_turn() {
        List<TrajectoryTurn> turns = format.read(OUTPUT).get(0).turns();

        assertThat(turns.get(0).userMessages()).isEmpty();
        assertThat(turns.get(1).userMessages()).containsExactly(
                new UserText("Parameter 'command' is expected to be one of ['view']."), new UserText("Also run the tests."));
    }

    @Test
    void usage_comes_from_token_usages_by_response_id_else_from_the_response_itself() {
        List<TrajectoryTurn> turns = format.read(OUTPUT).get(0).turns();

        assertThat(turns.get(0).usage()).contains(new Usage(1000, 0, 0, 50, 0));
        // prompt_tokens 1300 counts the 800 read and the 300 written.
        assertThat(turns.get(1).usage()).contains(new Usage(200, 300, 800, 20, 0));
        assertThat(turns.get(2).usage()).contains(new Usage(200, 100, 1200, 10, 4));
    }

    @Test
    void a_usage_without_its_prompt_count_is_no_bill_rather_than_a_free_call() throws IOException {
        // resp-b's entry in token_usages loses its prompt_tokens: the response's own usage bills it. resp-c's
        // response, which only that usage bills, says null: the call has no bill, not one of 0 input tokens.
        String log = Files.readString(OUTPUT)
                .replaceFirst("\"prompt_tokens\": 1300, (\"completion_tokens\": 20, \"cache_read)", "$1")
                .replaceFirst("\"prompt_tokens\": 1500", "\"prompt_tokens\": null");
        Path unknown = Files.writeString(dir.resolve("output.jsonl"), log);

        List<TrajectoryTurn> turns = format.read(unknown).get(0).turns();

        assertThat(turns.get(1).usage()).contains(new Usage(1300, 0, 0, 20, 0));
        assertThat(turns.get(2).usage()).isEmpty();
    }

    @Test
    void a_turn_is_dated_by_its_response_not_by_the_zoneless_event_timestamp() {
        TrajectoryTurn first = format.read(OUTPUT).get(0).turns().get(0);

        assertThat(first.at()).contains(Instant.ofEpochSecond(1746000000));
    }

    @Test
    void a_reply_without_a_response_is_dated_by_its_local_timestamp_in_the_zone_the_responses_show() throws IOException {
        // The fixture's last reply is timed in UTC; the same on the writer's clock, eight hours behind as its
        // responses' created times show, is the same instant.
        String zoned = "2025-01-21T04:30:35.414886+00:00";
        Path local = Files.writeString(dir.resolve("local.json"),
                Files.readString(RUNTIME).replace(zoned, "2025-01-20T20:30:35.414886"));

        List<TrajectoryTurn> turns = format.read(local).get(0).turns();

        assertThat(Files.readString(RUNTIME)).contains(zoned);
        assertThat(turns.get(1).at()).contains(Instant.parse("2025-01-21T04:30:35.414886Z"));
        assertThat(turns.get(1).at()).isEqualTo(format.read(RUNTIME).get(0).turns().get(1).at());
    }

    @Test
    void reads_a_runtime_trajectory_whose_last_reply_has_no_tool_calls() {
        Trajectory run = format.read(RUNTIME).get(0);

        assertThat(run.id()).isEqualTo("runtime.json");
        assertThat(run.model()).contains("claude-3-5-sonnet-20241022");
        assertThat(run.task()).isEqualTo("Create an app.");
        assertThat(run.systemPrompt()).isEmpty();
        assertThat(run.tools()).isEmpty();
        assertThat(run.turns()).hasSize(2);

        TrajectoryTurn call = run.turns().get(0);
        assertThat(call.observations()).containsExactly(new ToolResult("toolu_01", "execute_bash", "", false));
        assertThat(call.usage()).contains(new Usage(4, 3435, 0, 104, 0));

        TrajectoryTurn reply = run.turns().get(1);
        assertThat(reply.action().text()).isEqualTo("The app is ready.");
        assertThat(reply.action().toolCalls()).isEmpty();
        assertThat(reply.usage()).isEmpty();
        assertThat(reply.at()).contains(Instant.parse("2025-01-21T04:30:35.414886Z"));
        assertThat(run.hasRecordedUsage()).isFalse();
    }

    @Test
    void the_three_runs_of_the_corpus_output_have_the_turns_calls_and_usage_openhands_recorded() throws IOException {
        Path file = Corpus.file("openhands/multi_swe_bench_examples_output.jsonl");
        List<Trajectory> runs = format.read(file);
        List<String> lines = Files.readAllLines(file);

        assertThat(runs).extracting(run -> run.turns().size()).containsExactly(23, 33, 49);
        for (int i = 0; i < runs.size(); i++) {
            JsonNode line = Json.mapper().readTree(lines.get(i));
            Trajectory run = runs.get(i);
            List<JsonNode> history = list(line.get("history"));
            List<JsonNode> calls = history.stream().filter(e -> e.has("action") && e.has("tool_call_metadata")).toList();
            List<JsonNode> usages = list(line.at("/metrics/token_usages"));

            assertThat(run.id()).isEqualTo(file.getFileName() + "#" + line.get("instance_id").asText());
            assertThat(run.toolCalls()).isEqualTo(calls.size());
            assertThat(run.tools()).hasSize(history.get(0).at("/args/tools").size());
            assertThat(run.task()).isEqualTo(line.get("instruction").asText());
            assertThat(run.hasRecordedUsage()).isTrue();
            long prompt = usages.stream().mapToLong(u -> u.get("prompt_tokens").asLong()).sum();
            long completion = usages.stream().mapToLong(u -> u.get("completion_tokens").asLong()).sum();
            assertThat(total(run).input()).isEqualTo(prompt).isEqualTo(line.at("/metrics/accumulated_token_usage/prompt_tokens").asLong());
            assertThat(total(run).output()).isEqualTo(completion).isEqualTo(line.at("/metrics/accumulated_token_usage/completion_tokens").asLong());
        }
        assertThat(runs.get(0).model()).contains("openai/openrouter-llama-4-maverick");
        assertThat(runs.get(0).systemPrompt()).startsWith("You are OpenHands agent");
    }

    @Test
    void the_corpus_runtime_trajectory_has_five_turns_and_the_usage_of_its_responses() throws IOException {
        Path file = Corpus.file("openhands/runtime_trajs_basic_gui_mode.json");
        Trajectory run = format.read(file).get(0);
        List<JsonNode> events = list(Json.mapper().readTree(file.toFile()));

        assertThat(run.turns()).hasSize(5);
        List<JsonNode> calls = events.stream().filter(e -> e.has("action") && e.has("tool_call_metadata")).toList();
        assertThat(run.toolCalls()).isEqualTo(calls.size()).isEqualTo(4);
        Set<String> responses = new HashSet<>();
        long prompt = 0;
        long written = 0;
        long read = 0;
        long completion = 0;
        for (JsonNode call : calls) {
            JsonNode response = call.at("/tool_call_metadata/model_response");
            if (responses.add(response.get("id").asText())) {
                prompt += response.at("/usage/prompt_tokens").asLong();
                written += response.at("/usage/cache_creation_input_tokens").asLong();
                read += response.at("/usage/prompt_tokens_details/cached_tokens").asLong();
                completion += response.at("/usage/completion_tokens").asLong();
            }
        }
        Usage total = total(run);
        assertThat(total.input()).isEqualTo(prompt);
        assertThat(total.cacheWrite()).isEqualTo(written);
        assertThat(total.cacheRead()).isEqualTo(read);
        assertThat(total.output()).isEqualTo(completion);
        assertThat(run.turns().get(4).action().toolCalls()).isEmpty();
        assertThat(run.turns().get(3).observations()).singleElement().extracting(ToolResult::error).isEqualTo(true);
    }

    @Test
    void recognises_a_runtime_trajectory_whose_system_prompt_outruns_the_head() throws IOException {
        String prompt = "You are OpenHands agent. ".repeat(1000);
        Path file = Files.writeString(dir.resolve("long.json"), "[{\"id\": 0, \"source\": \"agent\", \"message\": \"" + prompt
                + "\", \"action\": \"system\", \"args\": {\"content\": \"" + prompt + "\"}}]");

        assertThat(format.recognises(file, FileHead.of(JsonFiles.head(file, TraceFormats.HEAD_CHARS)))).isTrue();
        assertThat(format.read(file).get(0).systemPrompt()).isEqualTo(prompt);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static Usage total(Trajectory run) {
        return run.turns().stream().flatMap(turn -> turn.usage().stream()).reduce(Usage.ZERO, Usage::plus);
    }

    @Test
    void reads_an_sdk_event_list_with_one_turn_per_llm_response_and_results_by_tool_call_id() throws IOException {
        Path file = FIXTURES.resolve("sdk-events.json");
        Trajectory trajectory = Traces.only(format, file);
        JsonNode events = Json.mapper().readTree(file.toFile());
        // Counted independently: distinct llm_response_ids of actions and agent messages, and the tool calls.
        Set<String> responses = new HashSet<>();
        int calls = 0;
        for (JsonNode event : events) {
            if (event.path("kind").asText().equals("ActionEvent")) {
                responses.add(event.path("llm_response_id").asText());
                calls++;
            } else if (event.path("kind").asText().equals("MessageEvent") && event.path("source").asText().equals("agent")) {
                responses.add(event.path("llm_response_id").asText());
            }
        }

        assertThat(trajectory.turns()).hasSize(responses.size());
        assertThat(trajectory.toolCalls()).isEqualTo(calls);
        assertThat(trajectory.systemPrompt()).isEqualTo("You are OpenHands agent.");
        assertThat(trajectory.task()).isEqualTo("Fix the bug in a.py");
        assertThat(trajectory.turns().get(0).observations()).containsExactly(
                new ToolResult("call_1", "terminal", "a.py", false),
                new ToolResult("call_2", "file_editor", "path must be absolute", true));
        assertThat(trajectory.turns().get(2).action().text()).isEqualTo("Fixed the bug.");
        assertThat(trajectory.hasRecordedUsage()).isFalse();
    }

    @Test
    void reads_each_line_of_old_resolver_output_as_a_run_named_after_its_issue_with_a_call_per_action()
            throws IOException {
        Path file = FIXTURES.resolve("resolver-output.jsonl");
        List<Trajectory> runs = format.read(file);
        List<String> lines = Files.readAllLines(file);

        assertThat(runs).extracting(Trajectory::id)
                .containsExactly("resolver-output.jsonl#issue_5", "resolver-output.jsonl#issue_6");
        for (int i = 0; i < runs.size(); i++) {
            JsonNode history = Json.mapper().readTree(lines.get(i)).path("history");
            // Counted independently: every action after the first message is a model call.
            long actions = 0;
            for (JsonNode event : history) {
                actions += event.has("action") ? 1 : 0;
            }
            assertThat(runs.get(i).turns()).hasSize((int) actions - 1);
            assertThat(runs.get(i).task()).isEqualTo("Please fix the following issue.");
        }
        Trajectory first = runs.get(0);
        assertThat(first.turns().get(0).action().toolCalls()).singleElement()
                .satisfies(call -> assertThat(call.name()).isEqualTo("run"))
                .satisfies(call -> assertThat(Json.mapper().readTree(call.arguments()).path("command").asText())
                        .isEqualTo("touch LICENSE"));
        assertThat(first.turns().get(1).observations()).singleElement()
                .satisfies(result -> assertThat(result.error()).isTrue());
        assertThat(first.hasRecordedUsage()).isFalse();
    }
}
