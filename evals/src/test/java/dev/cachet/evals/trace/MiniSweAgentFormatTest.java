package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.providers.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MiniSweAgentFormatTest {
    @Test
    void a_negative_token_count_is_refused_naming_the_message_and_the_field(@TempDir Path dir) throws IOException {
        Path original = TraceSamples.FIXTURES.resolve("mini-swe-agent/mini-swe-agent-1.1.traj.json");
        Path negative = Files.writeString(dir.resolve("negative.traj.json"),
                Files.readString(original).replaceFirst("\"prompt_tokens\": 1000", "\"prompt_tokens\": -5"));

        assertThat(catchThrowable(() -> new MiniSweAgentFormat().read(negative)))
                .isInstanceOf(TraceFormatException.class).hasMessageStartingWith(negative + ": ")
                .hasMessageEndingWith(".extra.response.usage: prompt_tokens is -5, not a token count");
    }

    @Test
    void a_usage_without_its_prompt_count_is_no_bill_rather_than_a_free_call(@TempDir Path dir) throws IOException {
        Path original = TraceSamples.FIXTURES.resolve("mini-swe-agent/mini-swe-agent-1.1.traj.json");
        Path unknown = Files.writeString(dir.resolve("unknown.traj.json"),
                Files.readString(original).replaceFirst("\"prompt_tokens\": 1000", "\"prompt_tokens\": null"));

        assertThat(read(original).turns().get(0).usage()).isPresent();
        assertThat(read(unknown).turns().get(0).usage()).isEmpty();
    }

    @Test
    void a_cached_count_that_is_no_count_is_refused_not_taken_from_another_field(@TempDir Path dir) throws IOException {
        Path original = TraceSamples.FIXTURES.resolve("mini-swe-agent/mini-swe-agent-1.1.traj.json");
        String written = Files.readString(original);
        assertThat(written).contains("\"cached_tokens\": ");
        Path text = Files.writeString(dir.resolve("text.traj.json"),
                written.replaceFirst("\"cached_tokens\": \\d+", "\"cached_tokens\": \"ten\""));

        assertThat(catchThrowable(() -> new MiniSweAgentFormat().read(text))).isInstanceOf(TraceFormatException.class)
                .hasMessageEndingWith(": prompt_tokens_details.cached_tokens is \"ten\", not a token count");
    }

    private static final Path TRACES = TraceSamples.FIXTURES.resolve("mini-swe-agent");
    private final MiniSweAgentFormat format = new MiniSweAgentFormat();

    private Trajectory read(Path file) {
        return Traces.only(format, file);
    }

    private static Usage total(Trajectory trajectory) {
        return trajectory.turns().stream().map(turn -> turn.usage().orElseThrow()).reduce(Usage.ZERO, Usage::plus);
    }

    @Test
    void early_list_takes_the_fenced_command_and_the_next_user_message_as_its_output() {
        Trajectory trajectory = read(TRACES.resolve("mini-swe-agent-early.traj.json"));

        assertThat(trajectory.model()).isEmpty();
        assertThat(trajectory.systemPrompt()).startsWith("You can run bash commands.");
        assertThat(trajectory.task()).isEqualTo("Please solve this issue: a.py does not run.");
        assertThat(trajectory.turns()).hasSize(3);
        assertThat(trajectory.hasRecordedUsage()).isFalse();

        TrajectoryTurn first = trajectory.turns().get(0);
        assertThat(first.action().text()).startsWith("Look at the file.");
        assertThat(first.action().toolCalls()).containsExactly(new ToolCall("call-1", "bash", "{\"command\":\"cat a.py\"}"));
        assertThat(first.observations()).containsExactly(new ToolResult("call-1", "bash",
                "<returncode>1</returncode>\n<output>\ncat: a.py: No such file or directory\n</output>", true));
        assertThat(first.at()).isEmpty();
    }

    @Test
    void early_message_without_exactly_one_command_runs_nothing_and_the_feedback_is_a_user_message() {
        Trajectory trajectory = read(TRACES.resolve("mini-swe-agent-early.traj.json"));

        TrajectoryTurn twoBlocks = trajectory.turns().get(1);
        assertThat(twoBlocks.action().toolCalls()).isEmpty();
        assertThat(twoBlocks.observations()).isEmpty();

        TrajectoryTurn submit = trajectory.turns().get(2);
        assertThat(submit.userMessages()).containsExactly(
                new UserText("Please always provide EXACTLY ONE action in triple backticks, found 2 actions."));
        assertThat(submit.action().toolCalls()).extracting(call -> call.textArgument("command").orElseThrow())
                .containsExactly("echo COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT && git diff");
        // The final output has no <returncode> tag, so nothing says it failed.
        assertThat(submit.observations()).containsExactly(
                new ToolResult("call-3", "bash", "diff --git a/a.py b/a.py\n", false));
    }

    @Test
    void version_1_1_keeps_native_calls_with_their_usage_timestamps_and_exit_codes() {
        Trajectory trajectory = read(TRACES.resolve("mini-swe-agent-1.1.traj.json"));

        assertThat(trajectory.model()).contains("deepseek-chat");
        assertThat(trajectory.systemPrompt()).isEqualTo("You are a helpful assistant.");
        assertThat(trajectory.task()).isEqualTo("<pr_description>Fix a.py</pr_description>");
        assertThat(trajectory.turns()).hasSize(3);

        TrajectoryTurn first = trajectory.turns().get(0);
        assertThat(first.action().toolCalls()).containsExactly(new ToolCall("call_00_ls", "bash", "{\"command\": \"ls\"}"));
        assertThat(first.observations()).containsExactly(new ToolResult("call_00_ls", "bash",
                "<returncode>0</returncode>\n<output>\na.py\n</output>", false));
        assertThat(first.usage()).contains(new Usage(360, 0, 640, 50, 0));
        assertThat(first.at()).contains(Instant.parse("2026-04-10T06:41:57.500Z"));

        TrajectoryTurn second = trajectory.turns().get(1);
        assertThat(second.observations()).extracting(ToolResult::error).containsExactly(true);
        // Without prompt_tokens_details, DeepSeek's prompt_cache_hit_tokens gives the cached part.
        assertThat(second.usage()).contains(new Usage(176, 0, 1024, 30, 0));
        assertThat(second.at()).contains(Instant.parse("2026-04-10T06:42:00.250Z"));

        // The submit command ends the run: the exit message that follows is not an observation.
        TrajectoryTurn last = trajectory.turns().get(2);
        assertThat(last.observations()).isEmpty();
        assertThat(last.usage()).contains(new Usage(148, 0, 1152, 20, 5));

        assertThat(trajectory.hasRecordedUsage()).isTrue();
        assertThat(total(trajectory)).isEqualTo(new Usage(684, 0, 2816, 100, 5));
    }

    @ParameterizedTest
    @CsvSource({
        "github_issue.traj.json, 10",
        "pr816__deepseek_lite_dev_noparallel__pydicom__pydicom-1256.traj.json, 53",
        "pr816__deepseek_chat_dev__pyvista__pyvista-4315.traj.json, 57",
        "pr854__astropy__astropy-12907.traj.json, 64"
    })
    void reads_every_corpus_file_with_one_turn_per_assistant_message(String name, int turns) {
        Trajectory trajectory = read(Corpus.file("mini-swe-agent/" + name));

        assertThat(trajectory.turns()).hasSize(turns);
        assertThat(trajectory.systemPrompt()).startsWith("You are a helpful assistant that can interact with");
        assertThat(trajectory.task()).isNotBlank();
        assertThat(trajectory.turns()).allSatisfy(turn -> {
            assertThat(turn.action().toolCalls()).hasSize(1);
            assertThat(turn.userMessages()).isEmpty();
        });
        // Every command but the final submit is answered.
        assertThat(trajectory.turns().subList(0, turns - 1))
                .allSatisfy(turn -> assertThat(turn.observations()).hasSize(1));
    }

    @Test
    void corpus_early_list_reads_commands_and_exit_codes_from_the_text() {
        Trajectory trajectory = read(Corpus.file("mini-swe-agent/github_issue.traj.json"));

        assertThat(trajectory.task()).startsWith("Please solve this issue: GitHub Issue: SyntaxError");
        assertThat(trajectory.turns().get(0).action().toolCalls().get(0).textArgument("command")).contains(
                "cat /Users/fuchur/Documents/24/git_sync/swe-agent-test-repo/tests/./missing_colon.py");
        assertThat(trajectory.turns()).extracting(turn -> turn.observations().get(0).error())
                .containsExactly(true, false, false, false, false, false, false, true, false, false);
        assertThat(trajectory.turns().get(9).observations().get(0).content()).startsWith("diff --git");
    }

    @ParameterizedTest
    @CsvSource({
        "pr816__deepseek_lite_dev_noparallel__pydicom__pydicom-1256.traj.json, 610992, 597120, deepseek-chat",
        "pr816__deepseek_chat_dev__pyvista__pyvista-4315.traj.json, 855918, 806336, deepseek-chat",
        "pr854__astropy__astropy-12907.traj.json, 1111619, 1093760, deepseek-v4-flash"
    })
    void corpus_1_1_usage_sums_match_the_raw_json_and_the_corpus_notes(
            String name, long prompt, long cached, String model) throws IOException {
        Path file = Corpus.file("mini-swe-agent/" + name);
        Trajectory trajectory = read(file);

        // Summed straight from the JSON, independently of the importer.
        long rawPrompt = 0;
        long rawCached = 0;
        for (JsonNode message : Json.mapper().readTree(file.toFile()).path("messages")) {
            if (message.path("role").asText().equals("assistant")) {
                JsonNode usage = message.path("extra").path("response").path("usage");
                rawPrompt += usage.path("prompt_tokens").asLong();
                rawCached += usage.path("prompt_tokens_details").path("cached_tokens").asLong();
            }
        }
        assertThat(rawPrompt).isEqualTo(prompt);
        assertThat(rawCached).isEqualTo(cached);

        Usage total = total(trajectory);
        assertThat(total.input()).isEqualTo(prompt);
        assertThat(total.cacheRead()).isEqualTo(cached);
        assertThat(total.cacheWrite()).isZero();
        assertThat(trajectory.model()).contains(model);
        assertThat(trajectory.turns()).allSatisfy(turn -> assertThat(turn.at()).isPresent());
    }
}
