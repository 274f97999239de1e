package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweAgentFormatTest {
    private static final Path TRACES = TraceSamples.FIXTURES.resolve("swe-agent");
    private final SweAgentFormat format = new SweAgentFormat();

    private Trajectory read(Path file) {
        return Traces.only(format, file);
    }

    @Test
    void text_mode_steps_become_bash_calls_answered_by_what_the_model_was_shown() {
        Trajectory trajectory = read(TRACES.resolve("swe-agent-text.traj"));

        assertThat(trajectory.model()).isEmpty();
        assertThat(trajectory.systemPrompt()).isEqualTo("You are SWE-agent.");
        assertThat(trajectory.task()).isEqualTo("Fix the NameError in a.py.");
        assertThat(trajectory.tools()).isEmpty();
        assertThat(trajectory.turns()).hasSize(4);
        assertThat(trajectory.hasRecordedUsage()).isFalse();

        TrajectoryTurn first = trajectory.turns().get(0);
        assertThat(first.userMessages()).isEmpty();
        assertThat(first.action().text()).isEqualTo("List the files.\n```\nls\n```");
        assertThat(first.action().toolCalls()).containsExactly(new ToolCall("call-1", "bash", "{\"command\":\"ls\\n\"}"));
        assertThat(first.observations()).containsExactly(
                new ToolResult("call-1", "bash", "a.py\n\n(Open file: n/a)\n(Current directory: /repo)\nbash-$", false));
        assertThat(first.usage()).isEmpty();
        assertThat(first.at()).isEmpty();
    }

    @Test
    void a_step_missing_from_the_history_keeps_its_own_observation_and_later_steps_still_pair() {
        Trajectory trajectory = read(TRACES.resolve("swe-agent-text.traj"));

        TrajectoryTurn edit = trajectory.turns().get(2);
        assertThat(edit.action().toolCalls()).extracting(call -> call.textArgument("command").orElseThrow())
                .containsExactly("edit 1:1\nx = 1\nend_of_edit\n");
        assertThat(edit.observations()).containsExactly(new ToolResult("call-3", "bash", "File updated.\n", false));
        assertThat(edit.userMessages()).isEmpty();

        TrajectoryTurn submit = trajectory.turns().get(3);
        assertThat(submit.userMessages()).containsExactly(new UserText("Remember to submit when done."));
        assertThat(submit.action().toolCalls()).extracting(ToolCall::id).containsExactly("call-4");
        assertThat(submit.observations()).extracting(ToolResult::content).containsExactly("");
    }

    @Test
    void function_calling_steps_keep_their_calls_and_the_model_comes_from_the_replay_config() {
        Trajectory trajectory = read(TRACES.resolve("swe-agent-function-calling.traj"));

        assertThat(trajectory.model()).contains("gpt-4o");
        assertThat(trajectory.systemPrompt()).isEqualTo("You are SWE-agent, calling tools.");
        assertThat(trajectory.task()).isEqualTo("Fix the rounding in TimeDelta.");
        assertThat(trajectory.turns()).hasSize(2);
        assertThat(trajectory.toolCalls()).isEqualTo(2);

        TrajectoryTurn create = trajectory.turns().get(0);
        assertThat(create.action().text()).isEqualTo("Reproduce the bug first.");
        assertThat(create.action().toolCalls())
                .containsExactly(new ToolCall("call_create", "create", "{\"filename\":\"reproduce.py\"}"));
        assertThat(create.observations()).containsExactly(new ToolResult("call_create", "create",
                "[File: reproduce.py (1 lines total)]\r\n1:\n(Open file: /testbed/reproduce.py)\n"
                        + "(Current directory: /testbed)\nbash-$", false));
        assertThat(trajectory.turns().get(1).observations()).extracting(ToolResult::callId, ToolResult::toolName)
                .containsExactly(tuple("call_submit", "submit"));
    }

    @ParameterizedTest
    @CsvSource({
        "demo_default__marshmallow-1867.traj, 14",
        "demo_function_calling__marshmallow-1867.traj, 11",
        "demo_function_calling_replace_from_source__marshmallow-1867.traj, 13",
        "ctf_web_i_got_id_demo.traj, 21",
        "ctf_crypto_BabyEncryption.traj, 16",
        "ctf_rev_rock.traj, 12"
    })
    void reads_every_corpus_file_with_one_turn_per_step(String name, int turns) {
        Trajectory trajectory = read(Corpus.file("swe-agent/" + name));

        assertThat(trajectory.turns()).hasSize(turns);
        assertThat(trajectory.toolCalls()).isEqualTo(turns);
        assertThat(trajectory.systemPrompt()).startsWith("SETTING: You are ");
        assertThat(trajectory.task()).startsWith("We're currently solving the following ");
        assertThat(trajectory.turns()).allSatisfy(turn -> {
            assertThat(turn.action().toolCalls()).hasSize(1);
            assertThat(turn.observations()).hasSize(1)
                    .allSatisfy(result -> assertThat(result.callId()).isEqualTo(turn.action().toolCalls().get(0).id()));
        });
    }

    @Test
    void corpus_function_calling_keeps_the_recorded_calls_and_skips_the_replay_pseudo_model() {
        Trajectory calling = read(Corpus.file("swe-agent/demo_function_calling__marshmallow-1867.traj"));
        Trajectory replayed =
                read(Corpus.file("swe-agent/demo_function_calling_replace_from_source__marshmallow-1867.traj"));

        assertThat(calling.model()).contains("gpt-4o");
        assertThat(calling.turns().get(0).action().toolCalls())
                .containsExactly(new ToolCall("call_cyI71DYnRdoLHWwtZgIaW2wr", "create", "{\"filename\":\"reproduce.py\"}"));
        assertThat(calling.turns().get(0).observations().get(0).content()).endsWith("(Current directory: /testbed)\nbash-$");
        assertThat(replayed.model()).isEmpty();
    }

    @Test
    void corpus_demonstration_whose_history_drops_a_step_still_pairs_the_rest() {
        Trajectory trajectory = read(Corpus.file("swe-agent/ctf_crypto_BabyEncryption.traj"));

        // Step 9 (index 8) is absent from the history: it keeps the raw observation, without the prompt suffix.
        assertThat(trajectory.turns().get(8).observations().get(0).content()).doesNotContain("(Current directory:");
        assertThat(trajectory.turns().get(9).action().toolCalls().get(0).textArgument("command"))
                .contains("open decrypt.py\n");
        assertThat(trajectory.turns().get(9).observations().get(0).content()).contains("(Current directory:");
    }
}
