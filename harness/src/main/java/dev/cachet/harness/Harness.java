package dev.cachet.harness;

import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.strategy.ExtractiveSummarizer;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.StrategyServices;
import dev.cachet.context.strategy.Summarizer;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.harness.loop.AgentLoop;
import dev.cachet.harness.loop.Ledger;
import dev.cachet.harness.loop.ModelSummarizer;
import dev.cachet.harness.loop.RunResult;
import dev.cachet.harness.session.SessionEvent;
import dev.cachet.harness.session.SessionListener;
import dev.cachet.harness.session.SessionLog;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.replay.RecordedSession;
import dev.cachet.providers.replay.ReplayModelClient;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Wires cachet together: token counter, prices, strategies, tools and models, and runs sessions with them. */
public final class Harness {
    /** Replays are priced as this model unless the user says otherwise. */
    public static final String REPLAY_PRICED_AS = "claude-sonnet-4-6";

    private static final DateTimeFormatter SESSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final TokenCounter counter = TokenCounter.o200k();
    private final PriceTable prices = PriceTable.bundled();
    private final ToolBox tools = ToolBox.core();
    private final String systemPrompt = resource("/dev/cachet/harness/system-prompt.md");
    private final String summaryPrompt = resource("/dev/cachet/harness/summary-prompt.md");

    public Harness(Clock clock) {
        this.clock = clock;
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

    /** A model from {@code provider:name}; today {@code replay:<session.jsonl>} answers from a recorded session. */
    public ModelClient model(String spec) {
        int colon = spec.indexOf(':');
        String provider = colon < 0 ? spec : spec.substring(0, colon);
        if (provider.equals("replay") && colon > 0 && colon < spec.length() - 1) {
            return replay(RecordedSession.read(Path.of(spec.substring(colon + 1))));
        }
        throw new InputException("unknown model '" + spec + "'; expected replay:<recorded session .jsonl>");
    }

    public ModelClient replay(RecordedSession recording) {
        return new ReplayModelClient(recording, REPLAY_PRICED_AS, counter, BreakpointCacheSimulator.anthropic(counter));
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

    public SessionOutcome run(RunSpec spec, ModelClient model, SessionListener display) {
        if (!Files.isDirectory(spec.workspace())) {
            throw new InputException("workspace " + spec.workspace() + " does not exist or is not a directory");
        }
        ModelPrice price = prices.price(model.model()).orElseThrow(() -> new InputException(
                "no price for model " + model.model() + " in the price table; known: " + prices.models()));
        ConfiguredStrategy configured = strategy(spec.strategy(), spec.strategyParams());
        Workspace workspace = new Workspace(spec.workspace());
        GitExclude.ensureCachetExcluded(workspace.root());
        String sessionId = newSessionId();
        Session session = new Session(systemPrompt, tools.specs(), spec.task());
        try (SessionLog log = new SessionLog(SessionLog.pathFor(workspace.root(), sessionId), clock)) {
            SessionListener listener = SessionListener.all(List.of(log, display));
            listener.on(new SessionEvent.Started(sessionId, spec.task(), workspace.root().toString(), model.model(),
                    spec.strategy(), configured.params().values(), spec.limits(), systemPrompt,
                    tools.specs().stream().map(ToolSpec::name).toList()));
            Ledger ledger = new Ledger(price);
            WindowFactory windows = new WindowFactory(counter);
            Summarizer summarizer = model.answersAnything()
                    ? new ModelSummarizer(model, windows, summaryPrompt, ledger, listener)
                    : new ExtractiveSummarizer();
            ContextStrategy strategy = configured.create(new StrategyServices(windows, price.cacheRates(), summarizer));
            ToolContext toolContext = new ToolContext(
                    workspace, spec.commandTimeout(), ToolContext.DEFAULT_OUTPUT_LIMIT_CHARS, session::state);
            RunResult result = new AgentLoop(model, strategy, tools, toolContext, ledger, spec.limits(), clock, listener).run(session);
            return new SessionOutcome(sessionId, result, log.path());
        }
    }

    private String newSessionId() {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return SESSION_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(random);
    }

    private static String resource(String name) {
        try (InputStream in = Harness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
