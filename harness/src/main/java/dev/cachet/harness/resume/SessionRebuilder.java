package dev.cachet.harness.resume;

import dev.cachet.context.Session;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.CacheRates;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.harness.loop.LastTurn;
import dev.cachet.harness.loop.Resumption;
import dev.cachet.harness.loop.StrategyNews;
import dev.cachet.providers.session.LoggedEvent;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.StopReason;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rebuilds a session from its log: its messages and task state as they were, its strategy's memory (the strategy
 * renders again each window the session rendered, so it compacts where it compacted), and where it goes on.
 */
public final class SessionRebuilder {
    /** A rebuilt session and where it goes on. */
    public record Rebuilt(Session session, Resumption resumption) {}

    private final Session session;
    private int consecutiveErrors;
    private int turn;
    private AssistantTurn last;
    private final Map<String, ToolResult> results = new LinkedHashMap<>();
    private final Set<String> started = new HashSet<>();
    private boolean refused;

    private SessionRebuilder(SessionEvent.Started start, List<ToolSpec> tools) {
        this.session = new Session(start.systemPrompt(), tools, start.task());
    }

    /**
     * @param tools the tools array the session sends, as it started
     * @param rates the cache prices of a prefix that lives a given lifetime, as the strategy is told them
     * @param clock the strategy's: it reads each window's logged time as it renders the window again, and the live
     *     time once the log is replayed
     * @param checked whether the strategy, its parameters and the model are the ones the session ran with, so that
     *     each window must come out as logged; {@code warnings} hears of the first that does not
     */
    public static Rebuilt rebuild(SessionRecord record, List<ToolSpec> tools, ContextStrategy strategy,
            Function<Duration, CacheRates> rates, RebuildClock clock, boolean checked, Consumer<String> warnings) {
        SessionRebuilder rebuilder = new SessionRebuilder(record.start(), tools);
        boolean diverged = false;
        StrategyNews news = new StrategyNews(() -> strategy, clock, rates);
        for (LoggedEvent logged : record.events()) {
            if (logged.event() instanceof SessionEvent.WindowRendered window) {
                logged.time().ifPresent(clock::replaying);
                String hash = strategy.render(rebuilder.session).prefixHash();
                // A plan turn's window went without its tools, so its hash is not the one the strategy renders.
                boolean planned = !window.segmentTokens().containsKey(SegmentKind.TOOLS.label())
                        && !rebuilder.session.tools().isEmpty();
                if (checked && !diverged && !planned && !hash.equals(window.prefixHash())) {
                    diverged = true;
                    warnings.accept(record.log() + ":" + logged.line() + ": the strategy rendered turn " + window.turn()
                            + " differently than logged; the session goes on with the window it renders now");
                }
            } else {
                // What the strategy heard live shaped the windows that followed: it hears it again, in the log's order.
                news.heard(logged.event(), logged.time());
                rebuilder.apply(logged.event());
            }
        }
        clock.live();
        return new Rebuilt(rebuilder.session, rebuilder.resumption());
    }

    private void apply(SessionEvent event) {
        if (event instanceof SessionEvent.ModelResponded answer) {
            session.append(answer.message());
            turn = answer.turn();
            last = answer.message();
            results.clear();
            started.clear();
            refused = false;
        } else if (event instanceof SessionEvent.ToolCalled call) {
            started.add(call.call().id());
        } else if (event instanceof SessionEvent.ToolReturned returned) {
            session.append(returned.result());
            results.put(returned.result().callId(), returned.result());
            consecutiveErrors = returned.result().error() ? consecutiveErrors + 1 : 0;
        } else if (event instanceof SessionEvent.UserSaid said) {
            // The user spoke after the last turn, whose calls all have results by then: nothing of it is left to run.
            session.append(new UserText(said.text()));
            last = null;
            consecutiveErrors = 0;
            results.clear();
            started.clear();
            refused = false;
        } else if (event instanceof SessionEvent.StateUpdated update) {
            session.updateState(update.state());
        } else if (event instanceof SessionEvent.Stopped stop && stop.reason() == StopReason.REPEATED_ACTION) {
            refused = true;
        }
    }

    private Resumption resumption() {
        Optional<LastTurn> lastTurn = Optional.ofNullable(last).map(message -> new LastTurn(message, results,
                started.stream().filter(id -> !results.containsKey(id)).collect(Collectors.toSet()), refused));
        return new Resumption(turn, consecutiveErrors, lastTurn);
    }
}
