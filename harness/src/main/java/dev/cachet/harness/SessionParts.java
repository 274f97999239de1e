package dev.cachet.harness;

import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.ExtractiveSummarizer;
import dev.cachet.context.strategy.StrategyServices;
import dev.cachet.context.strategy.Summarizer;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.harness.loop.AgentLoop;
import dev.cachet.harness.loop.CacheCheckingModelClient;
import dev.cachet.harness.loop.CacheKeepAlive;
import dev.cachet.harness.loop.Idling;
import dev.cachet.harness.loop.Ledger;
import dev.cachet.harness.loop.ModelSummarizer;
import dev.cachet.harness.loop.Scheduler;
import dev.cachet.harness.loop.StrategyNews;
import dev.cachet.harness.loop.StopRequest;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.pricing.KeepAliveCost;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.Workspace;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The working parts of one session once its log is open, wired alike for a new session and a resumed one: the model
 * (checked against a simulation of its provider's cache), the ledger, the strategy and the loop.
 */
final class SessionParts {
    private final PricedClient priced;
    private final ModelClient model;
    private final Ledger ledger;
    private final WindowFactory windows;
    private final SessionListener listener;
    private final Clock clock;
    private final Idling idling;
    // The strategy the session's news goes to: the latest made, as a chat can switch strategies.
    private volatile ContextStrategy strategy;

    /**
     * @param keepAlivePings keep-alive pings per idle stretch at most; 0 sends none
     * @param schedulers where keep-alive pings are timed, one scheduler per session
     */
    SessionParts(PricedClient priced, TokenCounter counter, Ledger ledger, SessionListener listener, Clock clock,
            int keepAlivePings, Supplier<Scheduler> schedulers) {
        this.priced = priced;
        // Every event of the session goes to the strategy's news as well: pings, bills, answers.
        this.listener = SessionListener.all(List.of(listener, new StrategyNews(() -> strategy, clock, priced::cacheRates)));
        this.model = new CacheCheckingModelClient(priced, priced.cacheSimulator(counter), this.listener, clock);
        this.ledger = ledger;
        this.windows = new WindowFactory(counter);
        this.clock = clock;
        // Pings go through the checked model, so the simulator sees the cache refreshed as the provider does.
        this.idling = keepAlivePings == 0 ? Idling.NO_PINGS : model.keepAlive().<Idling>map(ping -> new CacheKeepAlive(ping,
                keepAlivePings, priced.spec().keepAliveInterval(), new KeepAliveCost(priced.price()), ledger,
                this.listener::on, schedulers.get())).orElse(Idling.NO_PINGS);
    }

    /** Why {@code --cache-keepalive} sends nothing for this model, where it was asked for and cannot. */
    static Optional<String> keepAliveNote(RunSpec spec, PricedClient model) {
        return spec.keepAlivePings() == 0 || model.keepAlive().isPresent() ? Optional.empty()
                : Optional.of("--cache-keepalive: " + model.spec() + " has no prompt cache that a request is documented "
                        + "to keep alive (OpenAI's and DeepSeek's cache prefixes on their own); no pings are sent");
    }

    /** Says that a cost limit counts nothing where the model is billed at $0 (one on your own server, unpriced). */
    static Optional<String> budgetNote(RunSpec spec, PricedClient model) {
        return Double.isInfinite(spec.limits().maxCostUsd()) || !model.price().equals(ModelPrice.FREE) ? Optional.empty()
                : Optional.of("--max-cost: " + model.spec() + " is billed at $0, so the limit never stops the session;"
                        + " price the model in ~/.config/cachet/prices.yaml for it to count");
    }

    /** The session's idle stretches, with keep-alive pings where asked for. */
    Idling idling() {
        return idling;
    }

    PricedClient priced() {
        return priced;
    }

    Ledger ledger() {
        return ledger;
    }

    WindowFactory windows() {
        return windows;
    }

    /** The session's model summarizes for a summarizing strategy; a model that only replays cannot, so it is done offline. */
    Summarizer summarizer(String prompt) {
        return model.answersAnything() ? new ModelSummarizer(model, windows, prompt, ledger, listener) : new ExtractiveSummarizer();
    }

    /** The strategy, on the session's clock. */
    ContextStrategy strategy(ConfiguredStrategy configured, Summarizer summarizer) {
        return strategy(configured, summarizer, clock);
    }

    /** The strategy, reading the time from {@code strategyClock}, such as a resumed session's as its log is replayed. */
    ContextStrategy strategy(ConfiguredStrategy configured, Summarizer summarizer, Clock strategyClock) {
        strategy = configured.create(new StrategyServices(windows, priced.cacheRates(), summarizer, strategyClock));
        return strategy;
    }

    AgentLoop loop(RunSpec spec, Workspace workspace, Map<String, String> environment, Session session,
            ContextStrategy strategy, ToolBox tools, StopRequest stop) {
        ToolContext toolContext = new ToolContext(workspace, environment, spec.commandTimeout(),
                ToolContext.DEFAULT_OUTPUT_LIMIT_CHARS, session::state, spec.sandbox(), spec.approver());
        return new AgentLoop(model, strategy, tools, toolContext, ledger, spec.limits(), clock, listener, stop, idling);
    }
}
