package dev.cachet.harness;

import dev.cachet.context.BundledText;
import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.evals.replay.TraceBilling;
import dev.cachet.context.strategy.Summarizer;
import dev.cachet.context.strategy.SummaryRequest;
import dev.cachet.harness.loop.Ledger;
import dev.cachet.harness.loop.Planning;
import dev.cachet.harness.loop.Resumption;
import dev.cachet.harness.loop.Scheduler;
import dev.cachet.harness.loop.StopRequest;
import dev.cachet.harness.loop.ThreadScheduler;
import dev.cachet.harness.resume.LoggedSummaries;
import dev.cachet.harness.resume.RebuildClock;
import dev.cachet.harness.resume.SessionRebuilder;
import dev.cachet.harness.resume.SessionRecord;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.ProviderContext;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.registry.Providers;
import dev.cachet.providers.replay.RecordedSession;
import dev.cachet.providers.session.ModelChoice;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.session.SessionLog;
import dev.cachet.providers.session.SessionLogs;
import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.Workspace;
import dev.cachet.tools.catalog.ToolCatalog;
import dev.cachet.tools.mcp.McpServers;
import dev.cachet.tools.sandbox.ServerEnvironment;
import dev.cachet.tools.mcp.McpTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Wires cachet together: token counter, prices, strategies, tools and models, and runs sessions with them. */
public final class Harness {
    private static final DateTimeFormatter SESSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);


    private final Clock clock;
    private final Supplier<Scheduler> schedulers;
    private final Map<String, String> environment;
    private final TokenCounter counter = TokenCounter.o200k();
    private final PriceTable prices;
    private final Providers providers;
    private final SessionLogs sessionLogs;
    private final ToolBox tools = ToolBox.core();
    private final String systemPrompt = BundledText.read("/dev/cachet/harness/system-prompt.md");
    private final String planPrompt = BundledText.read("/dev/cachet/harness/plan-prompt.md");
    private final String goAheadPrompt = BundledText.read("/dev/cachet/harness/plan-go-ahead.md");

    /**
     * @param environment the one cachet was started with: where API keys come from (never printed or logged), and
     *     what the agent's commands and MCP servers inherit, less their secrets
     * @param prices the bundled prices, with the user's on top
     * @param sessionLogs where sessions are logged
     */
    public Harness(Clock clock, Map<String, String> environment, PriceTable prices, SessionLogs sessionLogs) {
        this(clock, () -> new ThreadScheduler("cachet-keepalive"), environment, prices, sessionLogs);
    }

    /** @param schedulers time keep-alive pings, one per session; tests move their time by hand */
    public Harness(Clock clock, Supplier<Scheduler> schedulers, Map<String, String> environment, PriceTable prices,
            SessionLogs sessionLogs) {
        this.clock = clock;
        this.schedulers = schedulers;
        this.environment = Map.copyOf(environment);
        this.prices = prices;
        this.providers = new Providers(prices);
        this.sessionLogs = sessionLogs;
    }

    public SessionLogs sessionLogs() {
        return sessionLogs;
    }

    public PriceTable prices() {
        return prices;
    }

    public TokenCounter counter() {
        return counter;
    }

    public String systemPrompt() {
        return systemPrompt;
    }

    public ToolBox tools() {
        return tools;
    }

    /** The model a spec names, priced at its cache TTL; keys come from this harness's environment. */
    public PricedClient open(ModelSpec spec, Consumer<String> warnings) {
        return providers.open(spec, new ProviderContext(environment, counter, warnings));
    }

    /** A model that answers from a recording already read (a bundled example, an eval task's). */
    public PricedClient replay(RecordedSession recording, CacheLifetime cacheTtl) {
        return providers.replay(recording, new ModelSpec("replay", recording.source(), Optional.empty(), cacheTtl), counter);
    }

    /**
     * How a replay bills each trace: as its own recorded model where its log names one, else as {@code chosen}; the
     * strategies at {@code chosen}'s cache lifetime, the original harness at the one its log shows.
     */
    public TraceBilling traceBilling(PricedModel chosen) {
        return new TraceBilling(providers, chosen);
    }

    /** How a counterfactual replay bills as the model a spec names. */
    public PricedModel priced(ModelSpec spec) {
        return providers.priced(spec);
    }

    /** The core tools, and the MCP servers' as deferred tools; one that shares a core tool's name is left out. */
    public ToolCatalog catalog(McpServers mcp, Consumer<String> warnings) {
        List<Tool> deferred = new ArrayList<>();
        for (McpTool tool : mcp.tools()) {
            if (tools.has(tool.name())) {
                warnings.accept("mcp tool '" + tool.server() + "/" + tool.name() + "' is left out: cachet has a tool of that name");
            } else {
                deferred.add(tool);
            }
        }
        return new ToolCatalog(tools.tools(), deferred);
    }

    /** The named strategy with the user's parameters, checked before anything runs. */
    public ConfiguredStrategy strategy(String name, Map<String, Integer> params) {
        try {
            StrategyInfo info = Strategies.named(name);
            return new ConfiguredStrategy(info, info.configure(params));
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    public SessionOutcome run(RunSpec spec, PricedClient model, SessionListener display) {
        return run(spec, model, display, new StopRequest());
    }

    /** Runs a new session; {@code stop} may end it early, as Ctrl-C does. */
    public SessionOutcome run(RunSpec spec, PricedClient model, SessionListener display, StopRequest stop) {
        try (OpenSession session = open(spec, model, display)) {
            return new SessionOutcome(session.id(), session.start(stop), session.log());
        }
    }

    /**
     * Goes on with a session from its log, appending to it: the session is rebuilt as it was (messages, task state,
     * the strategy's compactions, what was spent) with the tools array it started with, and runs with the settings
     * in {@code spec}, which keep its workspace and task; {@code model} carries on after the turns it answered.
     */
    public SessionOutcome resume(SessionRecord record, RunSpec spec, PricedClient model, SessionListener display,
            StopRequest stop) {
        try (OpenSession session = reopen(record, spec, model, display)) {
            return new SessionOutcome(session.id(), session.goOn(stop), session.log());
        }
    }

    /** Starts a new session and keeps it open for requests: its log and MCP servers, until it is closed. */
    public OpenSession open(RunSpec spec, PricedClient model, SessionListener display) {
        Workspace workspace = workspace(spec);
        ConfiguredStrategy configured = strategy(spec.strategy(), spec.strategyParams());
        String sessionId = newSessionId();
        Path logPath = sessionLogs.create(workspace.root(), sessionId);
        // Counts cached for this session only: evals run many sessions on one harness, and their texts differ.
        TokenCounter counter = this.counter.fresh();
        List<String> warnings = new ArrayList<>();
        McpServers mcp = startMcp(spec, warnings);
        SessionLog log = null;
        try {
            log = new SessionLog(logPath, clock);
            ToolBox offered = catalog(mcp, warnings::add).toolBox(spec.toolLoading());
            Session session = new Session(systemPrompt, offered.specs(), spec.task());
            SessionListener listener = SessionListener.all(List.of(log, display));
            listener.on(new SessionEvent.Started(sessionId, spec.task(), workspace.root().toString(), model.model(),
                    spec.strategy(), configured.params().values(), spec.limits(), systemPrompt, offered.specs(),
                    ModelChoice.of(model.spec())));
            SessionParts.keepAliveNote(spec, model).ifPresent(warnings::add);
            SessionParts.budgetNote(spec, model).ifPresent(warnings::add);
            warnings.forEach(warning -> listener.on(new SessionEvent.Warned(warning)));
            SessionParts parts = new SessionParts(model, counter, new Ledger(model.price()), listener, clock,
                    spec.keepAlivePings(), schedulers);
            Summarizer summarizer = parts.summarizer(SummaryRequest.PROMPT);
            return new OpenSession(sessionId, session, parts, spec, workspace, environment, offered, mcp, log, listener,
                    parts.ledger(), configured, next -> parts.strategy(next, summarizer), parts.strategy(configured, summarizer),
                    planning(parts), new Resumption(0, 0, Optional.empty()));
        } catch (RuntimeException e) {
            closeAll(e, log, mcp);
            throw e;
        }
    }

    /** Rebuilds a session from its log, as {@link #resume} does, and keeps it open for requests. */
    public OpenSession reopen(SessionRecord record, RunSpec spec, PricedClient model, SessionListener display) {
        Workspace workspace = workspace(spec);
        ConfiguredStrategy configured = strategy(spec.strategy(), spec.strategyParams());
        // A strategy switched under way rendered only the windows after the switch: there is nothing to check.
        boolean unchanged = !record.strategyChanged() && record.settings().sameAs(configured.info().name(),
                configured.params().values(), ModelChoice.of(model.spec()));
        TokenCounter counter = this.counter.fresh();
        List<String> warnings = new ArrayList<>();
        McpServers mcp = startMcp(spec, warnings);
        SessionLog log = null;
        try {
            log = new SessionLog(record.log(), clock);
            ToolBox offered = catalog(mcp, warnings::add).toolBox(spec.toolLoading());
            missingTools(record, offered).ifPresent(warnings::add);
            SessionParts.keepAliveNote(spec, model).ifPresent(warnings::add);
            SessionParts.budgetNote(spec, model).ifPresent(warnings::add);
            SessionListener listener = SessionListener.all(List.of(log, display));
            Ledger ledger = new Ledger(model.price(), record.usage(), record.costUsd(), record.pings());
            SessionParts parts = new SessionParts(model.continuing(record.turns()), counter, ledger, listener, clock,
                    spec.keepAlivePings(), schedulers);
            Summarizer live = parts.summarizer(SummaryRequest.PROMPT);
            LoggedSummaries summaries = new LoggedSummaries(unchanged ? record.summaries() : List.of(), live);
            RebuildClock strategyClock = new RebuildClock(clock);
            ContextStrategy strategy = parts.strategy(configured, summaries, strategyClock);
            SessionRebuilder.Rebuilt rebuilt = SessionRebuilder.rebuild(record, record.tools(offered), strategy,
                    model::cacheRates, strategyClock, unchanged, warnings::add);
            summaries.goLive();
            listener.on(new SessionEvent.Resumed(record.id(), rebuilt.resumption().turn(), model.model(),
                    ModelChoice.of(model.spec()), spec.strategy(), configured.params().values(), spec.limits(),
                    ledger.usage(), ledger.costUsd(), ledger.pings().count(), ledger.pings().costUsd()));
            warnings.forEach(warning -> listener.on(new SessionEvent.Warned(warning)));
            return new OpenSession(record.id(), rebuilt.session(), parts, spec, workspace, environment, offered, mcp, log,
                    listener, ledger, configured, next -> parts.strategy(next, live), strategy, planning(parts),
                    rebuilt.resumption());
        } catch (RuntimeException e) {
            closeAll(e, log, mcp);
            throw e;
        }
    }

    private Planning planning(SessionParts parts) {
        return new Planning(planPrompt, goAheadPrompt, parts.windows());
    }

    private static void closeAll(RuntimeException failure, AutoCloseable... opened) {
        for (AutoCloseable each : opened) {
            try {
                if (each != null) {
                    each.close();
                }
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    // Started outside the sandbox: a program by that name in a workspace folder on PATH is the agent's, not theirs,
    // and so is what a variable naming the workspace would have them load.
    private McpServers startMcp(RunSpec spec, List<String> warnings) {
        return McpServers.start(spec.mcpServers(), ServerEnvironment.outside(spec.workspace(), environment),
                warnings::add);
    }

    private static Workspace workspace(RunSpec spec) {
        return new Workspace(existing(spec.workspace()));
    }

    /** @throws InputException if {@code workspace} is not a directory */
    public static Path existing(Path workspace) {
        if (!Files.isDirectory(workspace)) {
            throw new InputException("workspace " + workspace + " does not exist or is not a directory");
        }
        return workspace;
    }

    /** The tools array stays as logged, so the cache prefix holds; a tool no longer there fails when called. */
    private static Optional<String> missingTools(SessionRecord record, ToolBox offered) {
        List<String> missing = record.start().tools().stream().map(ToolSpec::name).filter(name -> !offered.has(name)).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of("the session's tools " + missing
                + " are no longer available (is an MCP server gone from the config?); calls to them will fail");
    }

    private String newSessionId() {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return SESSION_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(random);
    }
}
