package dev.cachet.harness;

import dev.cachet.context.Session;
import dev.cachet.context.strategy.CompactsOnRequest;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.window.Compaction;
import dev.cachet.context.window.Window;
import dev.cachet.harness.loop.AgentLoop;
import dev.cachet.harness.loop.Ledger;
import dev.cachet.harness.loop.Planning;
import dev.cachet.harness.loop.Resumption;
import dev.cachet.harness.loop.RunResult;
import dev.cachet.harness.loop.StopRequest;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.session.SessionLog;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.Workspace;
import dev.cachet.tools.mcp.McpServers;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A session whose log, MCP servers and strategy stay open between requests, so that a chat can speak to it again:
 * each request runs the loop until it stops (the model is done, a limit, Ctrl-C) with a stop request of its own.
 * {@code cachet run} makes one request and closes it.
 */
public final class OpenSession implements AutoCloseable {
    private final String id;
    private final Session session;
    private final SessionParts parts;
    private final RunSpec spec;
    private final Workspace workspace;
    private final Map<String, String> environment;
    private final ToolBox offered;
    private final McpServers mcp;
    private final SessionLog log;
    private final SessionListener listener;
    private final Ledger ledger;
    private final Function<ConfiguredStrategy, ContextStrategy> strategies;
    private final Planning planning;
    private ConfiguredStrategy configured;
    private ContextStrategy strategy;
    private Resumption from;
    private Window lastWindow;

    OpenSession(String id, Session session, SessionParts parts, RunSpec spec, Workspace workspace,
            Map<String, String> environment, ToolBox offered, McpServers mcp, SessionLog log, SessionListener listener,
            Ledger ledger, ConfiguredStrategy configured, Function<ConfiguredStrategy, ContextStrategy> strategies,
            ContextStrategy strategy, Planning planning, Resumption from) {
        this.id = id;
        this.session = session;
        this.parts = parts;
        this.spec = spec;
        this.workspace = workspace;
        this.environment = environment;
        this.offered = offered;
        this.mcp = mcp;
        this.log = log;
        this.listener = listener;
        this.ledger = ledger;
        this.configured = configured;
        this.strategies = strategies;
        this.strategy = strategy;
        this.planning = planning;
        this.from = from;
    }

    public String id() {
        return id;
    }

    public Path log() {
        return log.path();
    }

    public Session session() {
        return session;
    }

    public RunSpec spec() {
        return spec;
    }

    /** The tools the model is offered. */
    public ToolBox tools() {
        return offered;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** What the session's model costs. */
    public ModelPrice price() {
        return parts.priced().price();
    }

    /** The model as the user chose it. */
    public ModelSpec model() {
        return parts.priced().spec();
    }

    /**
     * What compacting now would do and cost, where the strategy compacts on request; {@link #compactNext} then has
     * the next request's window compacted.
     */
    public Optional<Compaction> compactionPreview() {
        return strategy instanceof CompactsOnRequest compacts ? compacts.preview(session) : Optional.empty();
    }

    /** Whether the strategy can compact when asked. */
    public boolean compactsOnRequest() {
        return strategy instanceof CompactsOnRequest;
    }

    public void compactNext() {
        if (strategy instanceof CompactsOnRequest compacts) {
            compacts.compactNext();
        }
    }

    public ConfiguredStrategy strategy() {
        return configured;
    }

    /** The turns the model answered so far. */
    public int turns() {
        return from.turn();
    }

    /** The window of the last request, as sent; empty before the first. */
    public Optional<Window> lastWindow() {
        return Optional.ofNullable(lastWindow);
    }

    /** The first request: the task the session started with, planned first where the spec says so. */
    public RunResult start(StopRequest stop) {
        return done(spec.plan() ? loop(stop).run(session, planning) : loop(stop).run(session));
    }

    /** Goes on from where a resumed session's log ends. */
    public RunResult goOn(StopRequest stop) {
        return done(loop(stop).resume(session, from));
    }

    /** The user speaks again: a follow-up, planned first if asked. */
    public RunResult followUp(String message, boolean plan, StopRequest stop) {
        return done(loop(stop).followUp(session, from.turn(), message, plan ? Optional.of(planning) : Optional.empty()));
    }

    /**
     * Renders the next windows with another strategy, from the next request on; it starts with no memory of
     * compactions, so its first window may rewrite the cached prefix. The log says so, for a resume to follow.
     */
    public void switchStrategy(ConfiguredStrategy next) {
        configured = next;
        strategy = strategies.apply(next);
        listener.on(new SessionEvent.StrategyChanged(from.turn(), next.info().name(), next.params().values()));
    }

    /**
     * Runs a wait outside the loop as an idle stretch, such as a chat waiting for the user, with keep-alive pings
     * where the session sends them.
     */
    public <T> T whileIdle(Supplier<T> wait) {
        return parts.idling().whileIdle(wait);
    }

    /** Tells the session's listeners, the log among them, of something that happened outside the loop. */
    public void report(SessionEvent event) {
        listener.on(event);
    }

    private AgentLoop loop(StopRequest stop) {
        ContextStrategy current = strategy;
        ContextStrategy watched = s -> {
            lastWindow = current.render(s);
            return lastWindow;
        };
        return parts.loop(spec, workspace, environment, session, watched, offered, stop);
    }

    private RunResult done(RunResult result) {
        from = new Resumption(result.turns(), 0, Optional.empty());
        return result;
    }

    @Override
    public void close() {
        try (McpServers servers = mcp) {
            // No ping after the end: none may write to a closed log.
            parts.idling().close();
            log.close();
        }
    }
}
