package dev.cachet.harness.loop;

import dev.cachet.context.Session;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.state.PlanStep;
import dev.cachet.context.state.StateRules;
import dev.cachet.context.state.TaskState;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.window.Window;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.ProviderException;
import dev.cachet.providers.TextStream;
import dev.cachet.providers.session.Limits;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.session.StopReason;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolEffect;
import dev.cachet.tools.builtin.FinishTool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The ReAct loop: render a window through the strategy, ask the model, run the tools it calls, append the results,
 * update the task state from them, and repeat until the model is done or a limit, a loop guard or a stop request
 * ends it. Every step is reported to the listener before the next begins, so the session log is complete up to any
 * failure, and a resumed session goes on from the log's last turn.
 */
public final class AgentLoop {
    private static final ToolCall GIT_STATUS = new ToolCall("resume-git-status", "git_status", "{}");

    private final ModelClient model;
    private final ContextStrategy strategy;
    private final ToolBox tools;
    private final ToolContext toolContext;
    private final Ledger ledger;
    private final Limits limits;
    private final LimitCheck limitCheck;
    private final Clock clock;
    private final SessionListener listener;
    private final StopRequest stop;
    private final Idling idling;
    private final StateRules stateRules = new StateRules();

    /** A loop that only waits through its tool calls, sending no keep-alive pings. */
    public AgentLoop(ModelClient model, ContextStrategy strategy, ToolBox tools, ToolContext toolContext,
            Ledger ledger, Limits limits, Clock clock, SessionListener listener, StopRequest stop) {
        this(model, strategy, tools, toolContext, ledger, limits, clock, listener, stop, Idling.NO_PINGS);
    }

    /** @param idling told of each request, and runs each tool call as an idle stretch (keep-alive pings) */
    public AgentLoop(ModelClient model, ContextStrategy strategy, ToolBox tools, ToolContext toolContext,
            Ledger ledger, Limits limits, Clock clock, SessionListener listener, StopRequest stop, Idling idling) {
        this.idling = idling;
        this.model = model;
        this.strategy = strategy;
        this.tools = tools;
        this.toolContext = toolContext;
        this.ledger = ledger;
        this.limits = limits;
        this.limitCheck = new LimitCheck(limits, ledger, clock);
        this.clock = clock;
        this.listener = listener;
        this.stop = stop;
    }

    /** Runs a new session to its end; its history grows by every model turn and tool result. */
    public RunResult run(Session session) {
        return withinDeadline(() -> loop(session, new Progress(clock.instant(), 0, 0)));
    }

    /** Runs a new session to its end, after a first turn without tools in which the model writes its plan. */
    public RunResult run(Session session, Planning planning) {
        return withinDeadline(() -> {
            Progress progress = new Progress(clock.instant(), 0, 0);
            Optional<RunResult> end = plan(session, progress, planning);
            return end.isPresent() ? stop(end.get()) : loop(session, progress);
        });
    }

    /**
     * Goes on with a session the user spoke to again after {@code turnsSoFar} turns, as in a chat: calls of the last
     * turn that a stop left without a result get one saying so, the message joins the history, and the loop runs
     * again; the turn limit and the wall time count this request's turns only, budgets the whole session's.
     *
     * @param planning present where the model should write a plan first, in a turn without tools
     */
    public RunResult followUp(Session session, int turnsSoFar, String message, Optional<Planning> planning) {
        return withinDeadline(() -> {
            Progress progress = new Progress(clock.instant(), turnsSoFar, 0);
            progress.base = turnsSoFar;
            closeCutShort(session, turnsSoFar);
            say(session, turnsSoFar, message);
            Optional<RunResult> end = planning.flatMap(p -> plan(session, progress, p));
            return end.isPresent() ? stop(end.get()) : loop(session, progress);
        });
    }

    /**
     * Runs a session rebuilt from its log to its end: first what is left of its last turn (calls cut short by a
     * crash or a stop that change nothing are run again, those that may have changed something are not), then on.
     */
    public RunResult resume(Session session, Resumption from) {
        return withinDeadline(() -> {
            Progress progress = new Progress(clock.instant(), from.turn(), from.consecutiveErrors());
            if (from.last().isPresent()) {
                Optional<RunResult> end = act(session, progress, from.last().get());
                if (end.isPresent()) {
                    return stop(end.get());
                }
            }
            return loop(session, progress);
        });
    }

    private RunResult withinDeadline(Supplier<RunResult> session) {
        try (Deadline deadline = Deadline.after(limits.maxWallTime(), stop)) {
            return session.get();
        }
    }

    private RunResult loop(Session session, Progress progress) {
        while (true) {
            if (stop.requested()) {
                return stop(interrupted(progress));
            }
            Optional<RunResult> limited = limitCheck.reached(progress.turn - progress.base, progress.start);
            if (limited.isPresent()) {
                return stop(limited.get());
            }
            progress.turn++;
            Optional<ModelResponse> response = ask(session, progress);
            if (response.isEmpty()) {
                return stop(interrupted(progress));
            }
            AssistantTurn turn = response.get().turn();
            session.append(turn);
            List<String> action = actionOf(turn);
            progress.repeats = action.equals(progress.lastAction) ? progress.repeats + 1 : 1;
            progress.lastAction = action;
            if (!turn.toolCalls().isEmpty() && progress.repeats >= limits.maxRepeatedActions()) {
                return stop(progress.result(StopReason.REPEATED_ACTION,
                        "the same tool calls " + progress.repeats + " turns in a row; not run again"));
            }
            Optional<RunResult> end = act(session, progress, LastTurn.fresh(turn));
            if (end.isPresent()) {
                return stop(end.get());
            }
        }
    }

    /** Gives each call of the turn its result, and says whether the session ends with this turn. */
    private Optional<RunResult> act(Session session, Progress progress, LastTurn turn) {
        if (turn.message().toolCalls().isEmpty()) {
            return Optional.of(progress.result(StopReason.DONE, "the model answered without calling a tool"));
        }
        boolean finished = false;
        for (ToolCall call : turn.message().toolCalls()) {
            ToolResult result = turn.results().get(call.id());
            if (result == null) {
                Optional<ToolResult> given = resultFor(session, progress.turn, call, turn);
                if (given.isEmpty()) {
                    return Optional.of(interrupted(progress));
                }
                result = given.get();
                progress.consecutiveErrors = result.error() ? progress.consecutiveErrors + 1 : 0;
            }
            finished |= call.name().equals(FinishTool.NAME) && !result.error();
            if (progress.consecutiveErrors >= limits.maxConsecutiveErrors()) {
                // The limit holds within a turn too: a turn of a thousand failing calls runs no more than it allows.
                // The calls left have not started, so a resume with a higher limit runs them.
                break;
            }
        }
        if (finished) {
            return Optional.of(progress.result(StopReason.DONE, "the model called finish"));
        }
        if (progress.consecutiveErrors >= limits.maxConsecutiveErrors()) {
            return Optional.of(progress.result(StopReason.CONSECUTIVE_ERRORS,
                    progress.consecutiveErrors + " tool calls in a row failed"));
        }
        return Optional.empty();
    }

    /** The call's result, recorded; empty when a stop request came first or cut the call short. */
    private Optional<ToolResult> resultFor(Session session, int turn, ToolCall call, LastTurn context) {
        if (context.refused()) {
            return Optional.of(record(session, turn, call, CutShortCall.refused(call), Duration.ZERO));
        }
        if (context.started().contains(call.id()) && tools.effect(call.name()) != ToolEffect.NONE) {
            String gitStatus = tools.execute(GIT_STATUS, toolContext).content();
            return Optional.of(record(session, turn, call, CutShortCall.interrupted(call, gitStatus), Duration.ZERO));
        }
        if (stop.requested()) {
            return Optional.empty();
        }
        return execute(session, turn, call);
    }

    /**
     * The plan turn: the model is asked for a plan and answers without tools; its numbered steps become the task
     * state's plan, the first in progress, and it is told to carry the plan out. Ends the session where a stop or a
     * limit comes first.
     */
    private Optional<RunResult> plan(Session session, Progress progress, Planning planning) {
        Optional<RunResult> limited = limitCheck.reached(progress.turn - progress.base, progress.start);
        if (stop.requested() || limited.isPresent()) {
            return Optional.of(limited.orElseGet(() -> interrupted(progress)));
        }
        say(session, progress.turn, planning.ask());
        progress.turn++;
        Optional<ModelResponse> response = ask(session, progress, planning::withoutTools);
        if (response.isEmpty()) {
            return Optional.of(interrupted(progress));
        }
        AssistantTurn turn = response.get().turn();
        session.append(turn);
        // A model with no tools offered calls none; a recording might, and each call needs a result all the same.
        for (ToolCall call : turn.toolCalls()) {
            record(session, progress.turn, call, CutShortCall.planOnly(call), Duration.ZERO);
        }
        List<PlanStep> steps = PlanText.steps(turn.text());
        if (steps.isEmpty()) {
            listener.on(new SessionEvent.Warned("the model wrote no numbered plan; it goes on without one"));
        } else {
            session.updateState(session.state().withPlan(steps));
            listener.on(new SessionEvent.StateUpdated(progress.turn, session.state()));
        }
        say(session, progress.turn, planning.goAhead());
        return Optional.empty();
    }

    private void say(Session session, int turn, String text) {
        session.append(new UserText(text));
        listener.on(new SessionEvent.UserSaid(turn, text));
    }

    /** Gives each call of the last turn that has no result one saying the user stopped the turn before it ended. */
    private void closeCutShort(Session session, int turn) {
        List<Message> history = session.history();
        Set<String> answered = new HashSet<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            Message message = history.get(i);
            if (message instanceof ToolResult result) {
                answered.add(result.callId());
            } else if (message instanceof AssistantTurn last) {
                List<ToolCall> open = last.toolCalls().stream().filter(c -> !answered.contains(c.id())).toList();
                boolean changes = open.stream().anyMatch(c -> tools.effect(c.name()) != ToolEffect.NONE);
                String gitStatus = changes ? tools.execute(GIT_STATUS, toolContext).content() : "";
                open.forEach(call -> record(session, turn, call, CutShortCall.stoppedByUser(call, tools.effect(call.name())
                        != ToolEffect.NONE, gitStatus), Duration.ZERO));
                return;
            } else {
                return;
            }
        }
    }

    private Optional<ModelResponse> ask(Session session, Progress progress) {
        return ask(session, progress, window -> window);
    }

    private Optional<ModelResponse> ask(Session session, Progress progress, UnaryOperator<Window> sent) {
        Window window = sent.apply(strategy.render(session));
        Map<String, Integer> segments = new LinkedHashMap<>();
        window.tokensBySegment().forEach((kind, tokens) -> segments.put(kind.label(), tokens));
        window.compaction().ifPresent(c -> listener.on(new SessionEvent.Compacted(progress.turn, c)));
        listener.on(new SessionEvent.WindowRendered(
                progress.turn, window.tokens(), segments, window.prefixHash(), window.messages().size()));
        ModelResponse response;
        try {
            // Nobody watching the text: the model answers whole.
            TextStream text = listener.modelText();
            response = stop.interruptible(() -> text == TextStream.NONE ? model.complete(window) : model.complete(window, text));
        } catch (RuntimeException e) {
            // Once a stop is requested, any failure is the interruption: LangChain4j, for one, wraps it its own way.
            if (stop.requested()) {
                return Optional.empty();
            }
            if (e instanceof ProviderException) {
                stop(progress.result(StopReason.PROVIDER_ERROR, e.getMessage()));
            }
            throw e;
        }
        response = new ModelResponse(CallIds.unique(response.turn(), progress.turn, session.history()), response.usage(),
                response.latencyMillis(), response.finishReason());
        idling.sent(progress.turn, window, response.usage());
        double cost = response.usage().map(ledger::charge).orElse(0.0);
        if (response.usage().isEmpty()) {
            listener.on(new SessionEvent.Warned(model.model() + " sent no usage with its answer to turn " + progress.turn
                    + ": its tokens and cost are unknown, and not counted"));
        }
        listener.on(new SessionEvent.ModelResponded(progress.turn, response.turn(), response.usage().orElse(null), cost,
                response.latencyMillis(), response.finishReason(), window.toolTokens()));
        return Optional.of(response);
    }

    /** Runs the call; one a stop request cut short ({@link dev.cachet.tools.Tool#stoppable}) has no result to record. */
    private Optional<ToolResult> execute(Session session, int turn, ToolCall call) {
        listener.on(new SessionEvent.ToolCalled(turn, call));
        Instant start = clock.instant();
        boolean interruptible = tools.stoppable(call.name());
        ToolResult result = idling.whileIdle(() -> interruptible
                ? stop.interruptible(() -> tools.execute(call, toolContext)).resultFor(call)
                : tools.execute(call, toolContext).resultFor(call));
        if (interruptible && stop.requested()) {
            return Optional.empty();
        }
        return Optional.of(record(session, turn, call, result, Duration.between(start, clock.instant())));
    }

    private ToolResult record(Session session, int turn, ToolCall call, ToolResult result, Duration elapsed) {
        session.append(result);
        listener.on(new SessionEvent.ToolReturned(turn, result, elapsed.toMillis()));
        TaskState state = stateRules.apply(session.state(), call, result);
        if (!state.equals(session.state())) {
            session.updateState(state);
            listener.on(new SessionEvent.StateUpdated(turn, state));
        }
        return result;
    }

    private RunResult interrupted(Progress progress) {
        return progress.result(stop.reason(), stop.why());
    }

    private RunResult stop(RunResult result) {
        listener.on(new SessionEvent.Stopped(result.turns(), result.reason(), result.detail(), result.usage(), result.costUsd()));
        return result;
    }

    // Call ids differ every turn; an action repeats when the tools and their arguments are the same.
    private static List<String> actionOf(AssistantTurn turn) {
        return turn.toolCalls().stream().map(c -> c.name() + " " + c.arguments()).toList();
    }

    /** What the loop has done so far; the wall time counts from this run's start, a resume's included. */
    private final class Progress {
        final Instant start;
        // The turns before this request, which the turn limit does not count: a chat's earlier requests.
        int base;
        int turn;
        int repeats;
        int consecutiveErrors;
        List<String> lastAction = List.of();

        Progress(Instant start, int turn, int consecutiveErrors) {
            this.start = start;
            this.turn = turn;
            this.consecutiveErrors = consecutiveErrors;
        }

        RunResult result(StopReason reason, String detail) {
            return new RunResult(reason, detail, turn, ledger.usage(), ledger.costUsd());
        }
    }
}
