package dev.cachet.harness.loop;

import dev.cachet.providers.session.StopReason;
import dev.cachet.providers.session.Limits;
import dev.cachet.context.Session;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.state.StateRules;
import dev.cachet.context.state.TaskState;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.window.Window;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.ProviderException;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.builtin.FinishTool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ReAct loop: render a window through the strategy, ask the model, run the tools it calls, append the results,
 * update the task state from them, and repeat until the model is done or a limit or loop guard stops it. Every step is reported to the listener
 * before the next begins, so the session log is complete up to any failure.
 */
public final class AgentLoop {
    private final ModelClient model;
    private final ContextStrategy strategy;
    private final ToolBox tools;
    private final ToolContext toolContext;
    private final Ledger ledger;
    private final Limits limits;
    private final Clock clock;
    private final SessionListener listener;
    private final StateRules stateRules = new StateRules();

    public AgentLoop(ModelClient model, ContextStrategy strategy, ToolBox tools, ToolContext toolContext,
            Ledger ledger, Limits limits, Clock clock, SessionListener listener) {
        this.model = model;
        this.strategy = strategy;
        this.tools = tools;
        this.toolContext = toolContext;
        this.ledger = ledger;
        this.limits = limits;
        this.clock = clock;
        this.listener = listener;
    }

    /** Runs the session to its end; its history grows by every model turn and tool result. */
    public RunResult run(Session session) {
        Progress progress = new Progress(clock.instant());
        while (true) {
            Optional<RunResult> limited = checkLimits(progress);
            if (limited.isPresent()) {
                return stop(limited.get());
            }
            progress.turn++;
            ModelResponse response = ask(session, progress);
            AssistantTurn turn = response.turn();
            session.append(turn);
            if (turn.toolCalls().isEmpty()) {
                return stop(progress.result(StopReason.DONE, "the model answered without calling a tool"));
            }
            List<String> action = actionOf(turn);
            progress.repeats = action.equals(progress.lastAction) ? progress.repeats + 1 : 1;
            progress.lastAction = action;
            if (progress.repeats >= limits.maxRepeatedActions()) {
                return stop(progress.result(StopReason.REPEATED_ACTION,
                        "the same tool calls " + progress.repeats + " turns in a row; not run again"));
            }
            boolean finished = false;
            for (ToolCall call : turn.toolCalls()) {
                ToolOutput output = execute(session, progress.turn, call);
                progress.consecutiveErrors = output.error() ? progress.consecutiveErrors + 1 : 0;
                finished |= call.name().equals(FinishTool.NAME) && !output.error();
            }
            if (finished) {
                return stop(progress.result(StopReason.DONE, "the model called finish"));
            }
            if (progress.consecutiveErrors >= limits.maxConsecutiveErrors()) {
                return stop(progress.result(StopReason.CONSECUTIVE_ERRORS,
                        progress.consecutiveErrors + " tool calls in a row failed"));
            }
        }
    }

    private ModelResponse ask(Session session, Progress progress) {
        Window window = strategy.render(session);
        Map<String, Integer> segments = new LinkedHashMap<>();
        window.tokensBySegment().forEach((kind, tokens) -> segments.put(kind.label(), tokens));
        window.compaction().ifPresent(c -> listener.on(new SessionEvent.Compacted(progress.turn, c)));
        listener.on(new SessionEvent.WindowRendered(
                progress.turn, window.tokens(), segments, window.prefixHash(), window.messages().size()));
        ModelResponse response;
        try {
            response = model.complete(window);
        } catch (ProviderException e) {
            stop(progress.result(StopReason.PROVIDER_ERROR, e.getMessage()));
            throw e;
        }
        double cost = response.usage().map(ledger::charge).orElse(0.0);
        if (response.usage().isEmpty()) {
            listener.on(new SessionEvent.Warned(model.model() + " sent no usage with its answer to turn " + progress.turn
                    + ": its tokens and cost are unknown, and not counted"));
        }
        listener.on(new SessionEvent.ModelResponded(progress.turn, response.turn(), response.usage().orElse(null), cost,
                response.latencyMillis(), response.finishReason(), window.toolTokens()));
        return response;
    }

    private ToolOutput execute(Session session, int turn, ToolCall call) {
        listener.on(new SessionEvent.ToolCalled(turn, call));
        Instant start = clock.instant();
        ToolOutput output = tools.execute(call, toolContext);
        ToolResult result = output.resultFor(call);
        session.append(result);
        listener.on(new SessionEvent.ToolReturned(turn, result, Duration.between(start, clock.instant()).toMillis()));
        TaskState state = stateRules.apply(session.state(), call, result);
        if (!state.equals(session.state())) {
            session.updateState(state);
            listener.on(new SessionEvent.StateUpdated(turn, state));
        }
        return output;
    }

    private Optional<RunResult> checkLimits(Progress progress) {
        if (progress.turn >= limits.maxTurns()) {
            return Optional.of(progress.result(StopReason.MAX_TURNS, "reached " + limits.maxTurns() + " turns"));
        }
        if (ledger.usage().total() >= limits.maxTokens()) {
            return Optional.of(progress.result(StopReason.TOKEN_BUDGET,
                    "used " + ledger.usage().total() + " tokens of a budget of " + limits.maxTokens()));
        }
        if (ledger.costUsd() >= limits.maxCostUsd()) {
            return Optional.of(progress.result(StopReason.COST_BUDGET,
                    String.format("spent $%.4f of a budget of $%.4f", ledger.costUsd(), limits.maxCostUsd())));
        }
        Duration elapsed = Duration.between(progress.start, clock.instant());
        if (elapsed.compareTo(limits.maxWallTime()) >= 0) {
            return Optional.of(progress.result(StopReason.WALL_TIME,
                    "ran " + elapsed.toSeconds() + "s of a limit of " + limits.maxWallTime().toSeconds() + "s"));
        }
        return Optional.empty();
    }

    private RunResult stop(RunResult result) {
        listener.on(new SessionEvent.Stopped(result.turns(), result.reason(), result.detail(), result.usage(), result.costUsd()));
        return result;
    }

    // Call ids differ every turn; an action repeats when the tools and their arguments are the same.
    private static List<String> actionOf(AssistantTurn turn) {
        return turn.toolCalls().stream().map(c -> c.name() + " " + c.arguments()).toList();
    }

    /** What the loop has done so far. */
    private final class Progress {
        final Instant start;
        int turn;
        int repeats;
        int consecutiveErrors;
        List<String> lastAction = List.of();

        Progress(Instant start) {
            this.start = start;
        }

        RunResult result(StopReason reason, String detail) {
            return new RunResult(reason, detail, turn, ledger.usage(), ledger.costUsd());
        }
    }
}
