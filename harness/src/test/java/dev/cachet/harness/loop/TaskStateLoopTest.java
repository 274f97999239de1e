package dev.cachet.harness.loop;

import dev.cachet.providers.session.StopReason;
import dev.cachet.providers.session.Limits;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.state.PlanStep;
import dev.cachet.context.state.StepStatus;
import dev.cachet.context.state.TaskState;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.StateStrategy;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.session.SessionLog;
import dev.cachet.providers.ScriptedModelClient;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.Workspace;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskStateLoopTest {
    private static final ModelPrice PRICE = new ModelPrice(3.00, 15.00, 3.75, 6.00, 0.30);
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    private static final String PLAN = """
            {"ops": [{"op": "add_step", "text": "reproduce the failure"},
                     {"op": "add_step", "text": "fix the off-by-one"},
                     {"op": "set_step_status", "step": 1, "status": "in_progress"},
                     {"op": "add_fact", "text": "check.sh runs the tests"},
                     {"op": "set_next_step", "text": "run check.sh"}]}""";

    @TempDir
    Path dir;

    private final List<SessionEvent> events = new ArrayList<>();
    private final Session session = new Session("system prompt", ToolBox.core().specs(), "fix the wrap bug");

    @Test
    void an_update_then_finish_leaves_the_plan_and_facts_in_the_session_state() {
        RunResult result = run(new TranscriptStrategy(new WindowFactory(COUNTER)),
                ScriptedModelClient.of(call("c1", "update_task_state", PLAN), call("c2", "finish", "{\"summary\":\"planned\"}")));

        assertThat(result.reason()).isEqualTo(StopReason.DONE);
        TaskState expected = TaskState.forGoal("fix the wrap bug")
                .withPlan(List.of(new PlanStep("reproduce the failure", StepStatus.IN_PROGRESS),
                        new PlanStep("fix the off-by-one", StepStatus.TODO)))
                .withFact("check.sh runs the tests")
                .withNextStep("run check.sh");
        assertThat(session.state()).isEqualTo(expected);

        ToolResult observation = (ToolResult) session.history().get(2);
        assertThat(observation.error()).isFalse();
        assertThat(observation.content()).isEqualTo("task state updated (5 changes)");

        List<SessionEvent.StateUpdated> updates = stateUpdates();
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).turn()).isEqualTo(1);
        assertThat(updates.get(0).state()).isEqualTo(expected);
    }

    @Test
    void the_state_update_is_reported_right_after_the_tool_result_it_came_from() {
        run(new TranscriptStrategy(new WindowFactory(COUNTER)),
                ScriptedModelClient.of(call("c1", "update_task_state", PLAN), call("c2", "finish", "{\"summary\":\"ok\"}")));

        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "WindowRendered", "ModelResponded", "ToolCalled", "ToolReturned", "StateUpdated",
                "WindowRendered", "ModelResponded", "ToolCalled", "ToolReturned", "Stopped");
    }

    @Test
    void the_state_strategy_shows_the_model_its_plan_in_the_next_window() {
        ScriptedModelClient model = ScriptedModelClient.of(
                call("c1", "update_task_state", PLAN), call("c2", "finish", "{\"summary\":\"ok\"}"));
        run(new StateStrategy(new WindowFactory(COUNTER), 5), model);

        List<String> firstTexts = userTexts(model.windows().get(0).messages());
        List<String> secondTexts = userTexts(model.windows().get(1).messages());
        assertThat(firstTexts).doesNotContain(session.state().render()).noneMatch(t -> t.contains("reproduce the failure"));
        assertThat(secondTexts).contains(session.state().render());
        assertThat(session.state().render()).contains("""
                Plan:
                1. [in progress] reproduce the failure
                2. [todo] fix the off-by-one
                """);
    }

    @Test
    void an_invalid_update_is_an_error_observation_and_applies_none_of_its_ops() {
        RunResult result = run(new TranscriptStrategy(new WindowFactory(COUNTER)), ScriptedModelClient.of(
                call("c1", "update_task_state", """
                        {"ops": [{"op": "add_fact", "text": "a fact"},
                                 {"op": "set_step_status", "step": 1, "status": "done"}]}"""),
                call("c2", "finish", "{\"summary\":\"gave up\"}")));

        assertThat(result.reason()).isEqualTo(StopReason.DONE);
        ToolResult observation = (ToolResult) session.history().get(2);
        assertThat(observation.error()).isTrue();
        assertThat(observation.content()).isEqualTo("update_task_state: op 2: there is nothing to refer to by 'step' yet");

        TaskState state = session.state();
        assertThat(state.plan()).isEmpty();
        assertThat(state.facts()).isEmpty();
        assertThat(state.withLastError("")).isEqualTo(TaskState.forGoal("fix the wrap bug"));
        assertThat(state.lastError()).contains("op 2: there is nothing to refer to by 'step' yet");
    }

    @Test
    void a_later_call_in_the_same_turn_is_checked_against_the_state_the_earlier_one_left() {
        run(new TranscriptStrategy(new WindowFactory(COUNTER)), ScriptedModelClient.of(
                AssistantTurn.calls("",
                        new ToolCall("c1", "update_task_state", "{\"ops\":[{\"op\":\"add_step\",\"text\":\"only step\"}]}"),
                        new ToolCall("c2", "update_task_state",
                                "{\"ops\":[{\"op\":\"set_step_status\",\"step\":1,\"status\":\"done\"}]}")),
                call("c3", "finish", "{\"summary\":\"done\"}")));

        assertThat(((ToolResult) session.history().get(3)).error()).isFalse();
        assertThat(session.state().plan()).containsExactly(new PlanStep("only step", StepStatus.DONE));
        assertThat(stateUpdates()).extracting(u -> u.state().plan().get(0).status())
                .containsExactly(StepStatus.TODO, StepStatus.DONE);
    }

    @Test
    void step_numbers_refer_to_the_plan_built_in_earlier_turns() {
        run(new TranscriptStrategy(new WindowFactory(COUNTER)), ScriptedModelClient.of(
                call("c1", "update_task_state", PLAN),
                call("c2", "update_task_state", """
                        {"ops": [{"op": "set_step_status", "step": 1, "status": "done"},
                                 {"op": "set_step_status", "step": 2, "status": "in_progress"},
                                 {"op": "add_question", "text": "tabs?"}]}"""),
                call("c3", "update_task_state", "{\"ops\":[{\"op\":\"set_step_status\",\"step\":3,\"status\":\"done\"}]}"),
                call("c4", "finish", "{\"summary\":\"done\"}")));

        assertThat(session.state().plan()).extracting(PlanStep::status).containsExactly(StepStatus.DONE, StepStatus.IN_PROGRESS);
        assertThat(session.state().openQuestions()).containsExactly("tabs?");
        ToolResult third = (ToolResult) session.history().get(6);
        assertThat(third.error()).isTrue();
        assertThat(third.content()).isEqualTo("update_task_state: op 1: 'step' must be a number from 1 to 2");
    }

    @Test
    void the_session_log_records_the_state_update_and_it_reads_back_as_the_session_state() throws Exception {
        Path logPath = dir.resolve("s1.jsonl");
        Clock fixed = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        try (SessionLog log = new SessionLog(logPath, fixed)) {
            AgentLoop loop = loop(new TranscriptStrategy(new WindowFactory(COUNTER)),
                    ScriptedModelClient.of(call("c1", "update_task_state", PLAN), call("c2", "finish", "{\"summary\":\"ok\"}")),
                    SessionListener.all(List.of(log, events::add)));
            loop.run(session);
        }

        List<JsonNode> updates = Files.readAllLines(logPath).stream().map(TaskStateLoopTest::parse)
                .filter(e -> e.get("type").asText().equals("state_update")).toList();
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).get("turn").asInt()).isEqualTo(1);
        assertThat(updates.get(0).at("/state/plan/0/status").asText()).isEqualTo("in_progress");
        assertThat(updates.get(0).at("/state/facts/0").asText()).isEqualTo("check.sh runs the tests");
        assertThat(Json.mapper().treeToValue(updates.get(0).get("state"), TaskState.class)).isEqualTo(session.state());
    }

    @Test
    void tool_touches_and_model_updates_combine_in_one_state() throws Exception {
        Files.writeString(dir.resolve("Wrap.java"), "class Wrap {}\n");
        run(new TranscriptStrategy(new WindowFactory(COUNTER)), ScriptedModelClient.of(
                call("c1", "read_file", "{\"path\":\"Wrap.java\"}"),
                call("c2", "update_task_state", """
                        {"ops": [{"op": "set_file", "path": "Wrap.java", "why": "has the bug"},
                                 {"op": "add_decision", "text": "no new files"}]}"""),
                call("c3", "read_file", "{\"path\":\"Wrap.java\",\"start_line\":1}"),
                call("c4", "finish", "{\"summary\":\"ok\"}")));

        assertThat(session.state().files()).isEqualTo(Map.of("Wrap.java", "has the bug"));
        assertThat(session.state().decisions()).containsExactly("no new files");
        assertThat(stateUpdates()).extracting(SessionEvent.StateUpdated::turn).containsExactly(1, 2);
    }

    private RunResult run(ContextStrategy strategy, ScriptedModelClient model) {
        return loop(strategy, model, events::add).run(session);
    }

    // As the harness wires it: update_task_state checks its ops against the session's own state.
    private AgentLoop loop(ContextStrategy strategy, ScriptedModelClient model, SessionListener listener) {
        ToolContext context = new ToolContext(new Workspace(dir), System.getenv(), ToolContext.DEFAULT_COMMAND_TIMEOUT,
                ToolContext.DEFAULT_OUTPUT_LIMIT_CHARS, session::state, Sandbox.DEFAULT, Approver.ALWAYS);
        return new AgentLoop(model, strategy, ToolBox.core(), context, new Ledger(PRICE), Limits.DEFAULT,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), listener, new StopRequest());
    }

    private List<SessionEvent.StateUpdated> stateUpdates() {
        return events.stream().filter(e -> e instanceof SessionEvent.StateUpdated)
                .map(e -> (SessionEvent.StateUpdated) e).toList();
    }

    private static List<String> userTexts(List<Message> messages) {
        return messages.stream().filter(m -> m instanceof UserText).map(m -> ((UserText) m).text()).toList();
    }

    private static AssistantTurn call(String id, String tool, String arguments) {
        return AssistantTurn.calls("", new ToolCall(id, tool, arguments));
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
