package dev.cachet.evals.replay;

import dev.cachet.providers.PricedModel;
import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.state.StateRules;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.ExtractiveSummarizer;
import dev.cachet.context.strategy.StrategyServices;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.CacheSimulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a real trajectory as if a strategy had managed its context: each turn, the strategy renders its window
 * from what the session held before that model call, the model's prompt cache bills the window, and the real next
 * action is checked against the window for the names it needed. The real actions and observations are then
 * appended, whatever the window showed, so every strategy faces the same session. Summaries are extractive, so a
 * replay needs no model and gives the same figures every time.
 */
public final class CounterfactualReplay {
    private final TokenCounter counter;
    private final PricedModel model;
    private final StateRules rules = new StateRules();

    public CounterfactualReplay(TokenCounter counter, PricedModel model) {
        this.counter = counter;
        this.model = model;
    }

    /** One run per strategy, in the order given. */
    public List<ReplayRun> replay(Trajectory trajectory, List<ConfiguredStrategy> strategies) {
        List<List<String>> references = ObservedReferences.of(trajectory);
        List<ReplayRun> runs = new ArrayList<>();
        for (ConfiguredStrategy strategy : strategies) {
            runs.add(replay(trajectory, references, strategy));
        }
        return runs;
    }

    private ReplayRun replay(Trajectory trajectory, List<List<String>> references, ConfiguredStrategy configured) {
        ContextStrategy strategy = configured.create(new StrategyServices(
                new WindowFactory(counter), model.cacheRates(), new ExtractiveSummarizer()));
        CacheSimulator cache = model.caches().apply(counter);
        Session session = new Session(trajectory.systemPrompt(), trajectory.tools(), trajectory.task());
        List<ReplayTurn> turns = new ArrayList<>();
        Instant at = Instant.EPOCH;
        for (int i = 0; i < trajectory.turns().size(); i++) {
            TrajectoryTurn turn = trajectory.turns().get(i);
            turn.userMessages().forEach(session::append);
            Window window = strategy.render(session);
            at = turn.at().orElse(at);
            Usage usage = cache.next(window, outputTokens(turn), at);
            List<String> needed = references.get(i);
            int visible = (int) needed.stream().filter(name -> visible(window, name)).count();
            turns.add(new ReplayTurn(i + 1, window.tokens(), usage, model.price().cost(usage),
                    model.price().inputCost(usage), needed.size(), visible));
            append(session, turn);
        }
        return new ReplayRun(trajectory.id(), configured.info().name(), turns);
    }

    private long outputTokens(TrajectoryTurn turn) {
        return turn.usage().map(Usage::output).orElseGet(() -> (long) counter.count(turn.action()));
    }

    private void append(Session session, TrajectoryTurn turn) {
        session.append(turn.action());
        for (ToolResult result : turn.observations()) {
            session.append(result);
            ToolCall call = turn.action().toolCalls().stream()
                    .filter(c -> c.id().equals(result.callId()))
                    .findFirst()
                    .orElse(new ToolCall(result.callId(), result.toolName(), "{}"));
            session.updateState(rules.apply(session.state(), call, result));
        }
    }

    private static boolean visible(Window window, String name) {
        for (Message message : window.messages()) {
            if (MessageText.contains(message, name)) {
                return true;
            }
        }
        return false;
    }
}
