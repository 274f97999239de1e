package dev.cachet.harness.loop;

import dev.cachet.providers.session.StopReason;
import dev.cachet.providers.session.Limits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.session.SessionLog;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.ProviderException;
import dev.cachet.providers.ScriptedModelClient;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.Workspace;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class AgentLoopTest {
    private static final ModelPrice PRICE = new ModelPrice(3.00, 15.00, 3.75, 6.00, 0.30);
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock STOPPED_CLOCK = Clock.fixed(START, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final List<SessionEvent> events = new ArrayList<>();
    private final StopRequest stop = new StopRequest();

    @Test
    void stops_when_the_model_answers_without_a_tool_call() {
        RunResult result = run(ScriptedModelClient.of(AssistantTurn.text("nothing to do")), Limits.DEFAULT);

        assertThat(result.reason()).isEqualTo(StopReason.DONE);
        assertThat(result.turns()).isEqualTo(1);
        assertThat(events).last().isInstanceOf(SessionEvent.Stopped.class);
    }

    @Test
    void runs_tools_appends_their_results_and_stops_on_finish() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello\n");
        Session session = session();
        RunResult result = run(session, ScriptedModelClient.of(
                call("c1", "read_file", "{\"path\":\"notes.txt\"}"),
                call("c2", "finish", "{\"summary\":\"read it\"}")), Limits.DEFAULT);

        assertThat(result.reason()).isEqualTo(StopReason.DONE);
        assertThat(result.detail()).contains("finish");
        List<Message> history = session.history();
        assertThat(history).hasSize(5);
        assertThat(((ToolResult) history.get(2)).content()).contains("1\thello");
        assertThat(((ToolResult) history.get(4)).content()).isEqualTo("finished: read it");
    }

    @Test
    void reports_each_turn_in_order_window_response_call_result() {
        run(ScriptedModelClient.of(call("c1", "list_files", "{}"), call("c2", "finish", "{\"summary\":\"ok\"}")), Limits.DEFAULT);

        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "WindowRendered", "ModelResponded", "ToolCalled", "ToolReturned",
                "WindowRendered", "ModelResponded", "ToolCalled", "ToolReturned", "Stopped");
        SessionEvent.WindowRendered second = (SessionEvent.WindowRendered) events.get(4);
        assertThat(second.turn()).isEqualTo(2);
        assertThat(second.messages()).isEqualTo(4);
        assertThat(second.segmentTokens()).containsKeys("system", "tools", "history");
        assertThat(second.segmentTokens().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(second.tokens());
    }

    @Test
    void updates_the_task_state_from_tool_results_and_reports_each_change() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello\n");
        Session session = session();
        run(session, ScriptedModelClient.of(
                call("c1", "read_file", "{\"path\":\"notes.txt\"}"),
                call("c2", "list_files", "{}"),
                call("c3", "run_command", "{\"command\":\"echo broken; exit 3\"}"),
                call("c4", "finish", "{\"summary\":\"gave up\"}")), Limits.DEFAULT);

        assertThat(session.state().files()).containsOnlyKeys("notes.txt");
        assertThat(session.state().lastError()).isEqualTo("`echo broken; exit 3` exited 3: broken");
        assertThat(events).filteredOn(e -> e instanceof SessionEvent.StateUpdated)
                .extracting(e -> ((SessionEvent.StateUpdated) e).turn()).containsExactly(1, 3);
    }

    @Test
    void stops_at_max_turns() {
        RunResult result = run(ScriptedModelClient.of(distinctCalls(10)), Limits.DEFAULT.withMaxTurns(4));

        assertThat(result.reason()).isEqualTo(StopReason.MAX_TURNS);
        assertThat(result.turns()).isEqualTo(4);
    }

    @Test
    void stops_once_the_token_budget_is_spent() {
        Usage perTurn = new Usage(800, 0, 0, 200, 0);
        RunResult result = run(ScriptedModelClient.of(perTurn, distinctCalls(10)), Limits.DEFAULT.withMaxTokens(2_500));

        assertThat(result.reason()).isEqualTo(StopReason.TOKEN_BUDGET);
        assertThat(result.turns()).isEqualTo(3);
        assertThat(result.usage().total()).isEqualTo(3_000);
    }

    @Test
    void stops_once_the_cost_budget_is_spent_and_prices_every_kind_of_token() {
        Usage perTurn = new Usage(1_000, 2_000, 10_000, 500, 0);
        double perTurnCost = (1_000 * 3.00 + 2_000 * 3.75 + 10_000 * 0.30 + 500 * 15.00) / 1e6;
        RunResult result = run(ScriptedModelClient.of(perTurn, distinctCalls(10)), Limits.DEFAULT.withMaxCostUsd(perTurnCost * 1.5));

        assertThat(result.reason()).isEqualTo(StopReason.COST_BUDGET);
        assertThat(result.turns()).isEqualTo(2);
        assertThat(result.costUsd()).isCloseTo(2 * perTurnCost, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void once_wall_time_runs_out_during_a_turn_the_model_is_not_asked_again(@Mock ModelClient model, @Mock Clock clock) {
        when(model.complete(any())).thenReturn(answer(call("c1", "list_files", "{}")));
        // Read when the loop starts and before the first turn; every later reading is ten minutes on.
        when(clock.instant()).thenReturn(START, START, START.plus(Duration.ofMinutes(10)));

        RunResult result = run(session(), model, Limits.DEFAULT.withMaxWallTime(Duration.ofMinutes(10)), clock);

        assertThat(result.reason()).isEqualTo(StopReason.WALL_TIME);
        assertThat(result.turns()).isEqualTo(1);
        assertThat(result.detail()).isEqualTo("ran 600s of a limit of 600s");
        verify(model, times(1)).complete(any());
    }

    @Test
    void an_answer_without_usage_is_logged_as_unknown_with_a_warning_and_not_charged() {
        ModelClient model = new ScriptedModelClient(List.of(new ModelResponse(AssistantTurn.text("done"), Optional.empty(), 0,
                FinishReason.END_TURN)));

        RunResult result = run(model, Limits.DEFAULT);

        assertThat(result.usage()).isEqualTo(Usage.ZERO);
        assertThat(events).filteredOn(SessionEvent.Warned.class::isInstance).singleElement().asString()
                .contains("scripted sent no usage with its answer to turn 1").contains("unknown");
        assertThat(events).filteredOn(SessionEvent.ModelResponded.class::isInstance).singleElement()
                .extracting(e -> ((SessionEvent.ModelResponded) e).usage()).isNull();
    }

    @Test
    void stops_on_the_third_identical_action_without_running_it() {
        AssistantTurn[] same = IntStream.range(0, 5)
                .mapToObj(i -> call("c" + i, "list_files", "{\"glob\":\"*.txt\"}")).toArray(AssistantTurn[]::new);
        RunResult result = run(ScriptedModelClient.of(same), Limits.DEFAULT);

        assertThat(result.reason()).isEqualTo(StopReason.REPEATED_ACTION);
        assertThat(result.turns()).isEqualTo(3);
        assertThat(events).filteredOn(e -> e instanceof SessionEvent.ToolCalled).hasSize(2);
    }

    @Test
    void stops_after_consecutive_tool_errors_and_a_success_resets_the_count() {
        List<AssistantTurn> turns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            turns.add(call("e" + i, "no_such_tool", "{\"i\":" + i + "}"));
        }
        turns.add(call("ok", "list_files", "{}"));
        for (int i = 0; i < 5; i++) {
            turns.add(call("f" + i, "read_file", "{\"path\":\"missing-" + i + "\"}"));
        }
        RunResult result = run(ScriptedModelClient.of(turns.toArray(AssistantTurn[]::new)), Limits.DEFAULT.withMaxConsecutiveErrors(5));

        assertThat(result.reason()).isEqualTo(StopReason.CONSECUTIVE_ERRORS);
        assertThat(result.turns()).isEqualTo(10);
    }

    @Test
    void the_error_limit_holds_inside_a_turn_of_a_thousand_failing_calls() {
        ToolCall[] calls = IntStream.range(0, 1000).mapToObj(i -> new ToolCall("e" + i, "no_such_tool", "{}")).toArray(ToolCall[]::new);

        RunResult result = run(ScriptedModelClient.of(AssistantTurn.calls("", calls)), Limits.DEFAULT.withMaxConsecutiveErrors(5));

        assertThat(result.reason()).isEqualTo(StopReason.CONSECUTIVE_ERRORS);
        assertThat(result.detail()).isEqualTo("5 tool calls in a row failed");
        assertThat(events).filteredOn(e -> e instanceof SessionEvent.ToolCalled).hasSize(5);
    }

    @Test
    void calls_whose_ids_are_empty_repeated_or_not_takeable_back_get_ids_of_their_own_each_with_its_result() {
        Session session = session();
        run(session, ScriptedModelClient.of(AssistantTurn.calls("",
                        new ToolCall("same", "list_files", "{}"), new ToolCall("same", "git_status", "{}"),
                        new ToolCall("", "list_files", "{\"glob\":\"*\"}"), new ToolCall("a b\n", "git_status", "{}")),
                call("c2", "finish", "{\"summary\":\"ok\"}")), Limits.DEFAULT);

        AssistantTurn first = (AssistantTurn) session.history().get(1);
        List<String> ids = first.toolCalls().stream().map(ToolCall::id).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[A-Za-z0-9_-]+")).startsWith("same");
        assertThat(session.history().subList(2, 6)).extracting(m -> ((ToolResult) m).callId()).containsExactlyElementsOf(ids);
        assertThat(events).filteredOn(e -> e instanceof SessionEvent.ModelResponded).first()
                .extracting(e -> ((SessionEvent.ModelResponded) e).message()).isEqualTo(first);
    }

    @Test
    void a_call_id_used_in_an_earlier_turn_gets_one_of_its_own_even_one_like_cachets() {
        Session session = session();
        run(session, ScriptedModelClient.of(call("dup", "list_files", "{}"), call("cachet_3_0", "git_status", "{}"),
                call("dup", "list_files", "{\"glob\":\"*\"}"), call("c4", "finish", "{\"summary\":\"ok\"}")),
                Limits.DEFAULT);

        List<String> ids = session.history().stream().filter(AssistantTurn.class::isInstance)
                .flatMap(m -> ((AssistantTurn) m).toolCalls().stream()).map(ToolCall::id).toList();
        assertThat(ids).hasSize(4).doesNotHaveDuplicates().startsWith("dup", "cachet_3_0");
        List<String> answered = session.history().stream().filter(ToolResult.class::isInstance)
                .map(m -> ((ToolResult) m).callId()).toList();
        assertThat(answered).containsExactlyElementsOf(ids);
    }

    @Test
    void malformed_arguments_and_unknown_tools_become_error_observations_and_the_loop_goes_on() {
        Session session = session();
        RunResult result = run(session, ScriptedModelClient.of(
                call("c1", "read_file", "{\"path\": "),
                call("c2", "launch_rockets", "{}"),
                call("c3", "finish", "{\"summary\":\"done\"}")), Limits.DEFAULT);

        assertThat(result.reason()).isEqualTo(StopReason.DONE);
        ToolResult malformed = (ToolResult) session.history().get(2);
        ToolResult unknown = (ToolResult) session.history().get(4);
        assertThat(malformed.error()).isTrue();
        assertThat(malformed.content()).contains("read_file").contains("not valid JSON");
        assertThat(unknown.error()).isTrue();
        assertThat(unknown.content()).contains("unknown tool 'launch_rockets'").contains("read_file");
    }

    @Test
    void a_model_failing_on_the_third_call_is_logged_as_a_stop_after_the_turns_before_it_and_rethrown(
            @Mock ModelClient model, @TempDir Path logs) throws IOException {
        ProviderException overloaded = new ProviderException("anthropic: 529 overloaded, gave up after 4 tries");
        when(model.complete(any()))
                .thenReturn(answer(call("c1", "list_files", "{}")), answer(call("c2", "list_files", "{\"glob\":\"*.txt\"}")))
                .thenThrow(overloaded);
        Path logPath = logs.resolve("session.jsonl");

        try (SessionLog log = new SessionLog(logPath, STOPPED_CLOCK)) {
            assertThatThrownBy(() -> loop(model, Approver.ALWAYS, log).run(session())).isSameAs(overloaded);
        }

        verify(model, times(3)).complete(any());
        List<JsonNode> logged = readLog(logPath);
        assertThat(logged).extracting(e -> e.get("type").asText()).containsExactly(
                "window", "model_response", "tool_call", "tool_result",
                "window", "model_response", "tool_call", "tool_result",
                "window", "stop");
        JsonNode stop = logged.get(logged.size() - 1);
        assertThat(stop.get("turn").asInt()).isEqualTo(3);
        assertThat(stop.get("reason").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(stop.get("detail").asText()).isEqualTo(overloaded.getMessage());
    }

    @Test
    void the_user_is_asked_exactly_once_per_command_and_never_for_reading(@Mock Approver approver) {
        when(approver.approve(anyString())).thenReturn(true);
        ScriptedModelClient model = ScriptedModelClient.of(
                call("c1", "run_command", "{\"command\":\"echo one\"}"),
                call("c2", "list_files", "{}"),
                call("c3", "run_command", "{\"command\":\"echo two\"}"),
                call("c4", "finish", "{\"summary\":\"ran both\"}"));

        RunResult result = loop(model, approver, events::add).run(session());

        assertThat(result.reason()).isEqualTo(StopReason.DONE);
        InOrder asked = inOrder(approver);
        asked.verify(approver, times(1)).approve("run `echo one`");
        asked.verify(approver, times(1)).approve("run `echo two`");
        verifyNoMoreInteractions(approver);
    }

    private RunResult run(ModelClient model, Limits limits) {
        return run(session(), model, limits);
    }

    private RunResult run(Session session, ModelClient model, Limits limits) {
        return run(session, model, limits, STOPPED_CLOCK);
    }

    private RunResult run(Session session, ModelClient model, Limits limits, Clock clock) {
        return loop(model, limits, clock, Approver.ALWAYS, events::add).run(session);
    }

    private AgentLoop loop(ModelClient model, Approver approver, SessionListener listener) {
        return loop(model, Limits.DEFAULT, STOPPED_CLOCK, approver, listener);
    }

    private AgentLoop loop(ModelClient model, Limits limits, Clock clock, Approver approver, SessionListener listener) {
        // Unsandboxed, so the loop's commands run where bwrap is missing.
        ToolContext context = ToolContext.defaults(new Workspace(dir), System.getenv())
                .withSandbox(Sandbox.of(SandboxMode.FULL)).withApprover(approver);
        return new AgentLoop(model, new TranscriptStrategy(new WindowFactory(COUNTER)), ToolBox.core(), context,
                new Ledger(PRICE), limits, clock, listener, stop);
    }

    private static ModelResponse answer(AssistantTurn turn) {
        return new ModelResponse(turn, Usage.ZERO, 0, FinishReason.TOOL_USE);
    }

    private static List<JsonNode> readLog(Path log) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            events.add(Json.mapper().readTree(line));
        }
        return events;
    }

    private static Session session() {
        return new Session("system prompt", ToolBox.core().specs(), "the task");
    }

    private static AssistantTurn call(String id, String tool, String arguments) {
        return AssistantTurn.calls("", new ToolCall(id, tool, arguments));
    }

    private static AssistantTurn[] distinctCalls(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> call("c" + i, "list_files", "{\"glob\":\"*." + i + "\"}")).toArray(AssistantTurn[]::new);
    }
}
