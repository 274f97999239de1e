package dev.cachet.harness;

import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.evals.replay.PricedModel;
import dev.cachet.providers.cache.CacheSimulator;
import java.util.function.Consumer;
import java.util.function.Function;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.ExtractiveSummarizer;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.StrategyServices;
import dev.cachet.context.strategy.Summarizer;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.harness.loop.AgentLoop;
import dev.cachet.harness.loop.CacheCheckingModelClient;
import dev.cachet.harness.loop.Ledger;
import dev.cachet.harness.loop.ModelSummarizer;
import dev.cachet.harness.loop.RunResult;
import dev.cachet.harness.session.SessionEvent;
import dev.cachet.harness.session.SessionListener;
import dev.cachet.harness.session.SessionLog;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.anthropic.AnthropicClient;
import dev.cachet.providers.cache.AutomaticPrefixCacheSimulator;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.providers.http.JsonHttp;
import dev.cachet.providers.http.RetryPolicy;
import dev.cachet.providers.http.RetryingTransport;
import dev.cachet.providers.http.Sleeper;
import dev.cachet.providers.openai.OpenAiClient;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.replay.RecordedSession;
import dev.cachet.providers.replay.ReplayModelClient;
import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.catalog.ToolCatalog;
import dev.cachet.tools.mcp.McpServers;
import dev.cachet.tools.mcp.McpTool;
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
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Wires cachet together: token counter, prices, strategies, tools and models, and runs sessions with them. */
public final class Harness {
    /** Replays are priced as this model unless the user says otherwise. */
    public static final String REPLAY_PRICED_AS = "claude-sonnet-4-6";

    private static final DateTimeFormatter SESSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** Answers are cut off here; the agent's turns are tool calls and short notes, far below it. */
    static final int MAX_OUTPUT_TOKENS = 8192;
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
    static final String DEEPSEEK_BASE_URL = "https://api.deepseek.com/v1";
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<String, String> environment;
    private final TokenCounter counter = TokenCounter.o200k();
    private final PriceTable prices;
    private final ToolBox tools = ToolBox.core();
    private final String systemPrompt = resource("/dev/cachet/harness/system-prompt.md");
    private final String summaryPrompt = resource("/dev/cachet/harness/summary-prompt.md");

    /**
     * @param environment the one cachet was started with: where API keys come from (never printed or logged), and
     *     what the agent's commands and MCP servers inherit, less their secrets
     * @param prices the bundled prices, with the user's on top
     */
    public Harness(Clock clock, Map<String, String> environment, PriceTable prices) {
        this.clock = clock;
        this.environment = Map.copyOf(environment);
        this.prices = prices;
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

    /**
     * A model from {@code provider:name}: {@code anthropic:}, {@code openai:} and {@code deepseek:} call the provider
     * with the key from its environment variable; {@code openai-compatible:} calls any chat-completions server at
     * {@code --base-url} (vLLM, Ollama, LM Studio), with {@code OPENAI_API_KEY} if set; {@code replay:<file>}
     * answers from a recorded session. {@code baseUrl} replaces the provider's own address.
     */
    public ModelClient model(String spec, Optional<String> baseUrl, Duration cacheTtl) {
        checkCacheTtl(cacheTtl);
        String provider = provider(spec);
        String name = spec.substring(provider.length() + 1);
        return switch (provider) {
            case "replay" -> replay(RecordedSession.read(Path.of(name)), cacheTtl);
            case "anthropic" -> new AnthropicClient(name, baseUrl.orElse(AnthropicClient.DEFAULT_BASE_URL),
                    apiKey("ANTHROPIC_API_KEY"), MAX_OUTPUT_TOKENS, cacheTtl, new JsonHttp(transport("anthropic")));
            case "openai" -> new OpenAiClient(name, baseUrl.orElse(OpenAiClient.DEFAULT_BASE_URL),
                    Optional.of(apiKey("OPENAI_API_KEY")), transport("openai"), AutomaticPrefixCacheSimulator::openAi);
            case "deepseek" -> new OpenAiClient(name, baseUrl.orElse(DEEPSEEK_BASE_URL),
                    Optional.of(apiKey("DEEPSEEK_API_KEY")), transport("deepseek"), AutomaticPrefixCacheSimulator::deepSeek);
            case "openai-compatible" -> new OpenAiClient(name, baseUrl.orElseThrow(() -> new InputException(
                    "openai-compatible:" + name + " needs --base-url, e.g. http://localhost:11434/v1 for Ollama")),
                    Optional.ofNullable(environment.get("OPENAI_API_KEY")).filter(k -> !k.isBlank()), transport(provider),
                    AutomaticPrefixCacheSimulator::openAi);
            default -> throw new InputException("unknown model provider '" + provider + "' in '" + spec
                    + "'; expected anthropic:, openai:, deepseek:, openai-compatible: or replay:");
        };
    }

    /**
     * What a replay bills as {@code provider:name}: the model's listed price (1-hour writes with {@code --cache-ttl
     * 1h}) and its provider's prompt cache: explicit breakpoints for Anthropic, automatic prefixes for the others.
     */
    public PricedModel pricedModel(String spec, Duration cacheTtl) {
        checkCacheTtl(cacheTtl);
        String provider = provider(spec);
        String name = spec.substring(provider.length() + 1);
        Function<TokenCounter, CacheSimulator> caches = switch (provider) {
            case "anthropic" -> c -> BreakpointCacheSimulator.anthropic(c, name, cacheTtl);
            case "openai", "openai-compatible" -> AutomaticPrefixCacheSimulator::openAi;
            case "deepseek" -> AutomaticPrefixCacheSimulator::deepSeek;
            default -> throw new InputException("cannot price a replay as '" + spec
                    + "'; expected anthropic:, openai:, deepseek: or openai-compatible: and a model name");
        };
        return new PricedModel(spec, price(name, cacheTtl), caches);
    }

    private static String provider(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new InputException("model '" + spec + "' needs a provider and a name, e.g. anthropic:claude-sonnet-4-6");
        }
        return spec.substring(0, colon);
    }

    private ModelPrice price(String model, Duration cacheTtl) {
        ModelPrice listed = prices.price(model).orElseThrow(() -> new InputException(
                "no price for model " + model + "; known: " + prices.models()
                        + " (add it to ~/.config/cachet/prices.yaml, with zeros for a free local model)"));
        return cacheTtl.compareTo(DEFAULT_CACHE_TTL) > 0 ? listed.withOneHourWrites() : listed;
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

    private static RetryingTransport transport(String provider) {
        return new RetryingTransport(provider, REQUEST_TIMEOUT, RetryPolicy.DEFAULT, Sleeper.REAL);
    }

    private String apiKey(String variable) {
        String key = environment.get(variable);
        if (key == null || key.isBlank()) {
            throw new InputException(variable + " is not set; export it, or run offline with --model replay:<session.jsonl>");
        }
        return key;
    }

    public ModelClient replay(RecordedSession recording, Duration cacheTtl) {
        return new ReplayModelClient(recording, REPLAY_PRICED_AS, counter,
                BreakpointCacheSimulator.anthropic(counter, REPLAY_PRICED_AS, cacheTtl));
    }

    private static void checkCacheTtl(Duration ttl) {
        if (!ttl.equals(DEFAULT_CACHE_TTL) && !ttl.equals(Duration.ofHours(1))) {
            throw new InputException("--cache-ttl must be 5m or 1h (the two lifetimes providers sell), got " + ttl.toMinutes() + "m");
        }
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
        ModelPrice price = price(model.model(), spec.cacheTtl());
        ConfiguredStrategy configured = strategy(spec.strategy(), spec.strategyParams());
        Workspace workspace = new Workspace(spec.workspace());
        GitExclude.ensureCachetExcluded(workspace.root());
        String sessionId = newSessionId();
        // Counts cached for this session only: evals run many sessions on one harness, and their texts differ.
        TokenCounter counter = this.counter.fresh();
        List<String> warnings = new ArrayList<>();
        try (McpServers mcp = McpServers.start(spec.mcpServers(), environment, warnings::add);
                SessionLog log = new SessionLog(SessionLog.pathFor(workspace.root(), sessionId), clock)) {
            ToolBox offered = catalog(mcp, warnings::add).toolBox(spec.toolLoading());
            Session session = new Session(systemPrompt, offered.specs(), spec.task());
            SessionListener listener = SessionListener.all(List.of(log, display));
            listener.on(new SessionEvent.Started(sessionId, spec.task(), workspace.root().toString(), model.model(),
                    spec.strategy(), configured.params().values(), spec.limits(), systemPrompt, offered.specs()));
            warnings.forEach(warning -> listener.on(new SessionEvent.Warned(warning)));
            ModelClient checked = model.cacheSimulator(counter)
                    .<ModelClient>map(simulator -> new CacheCheckingModelClient(model, simulator, listener, clock)).orElse(model);
            Ledger ledger = new Ledger(price);
            WindowFactory windows = new WindowFactory(counter);
            Summarizer summarizer = checked.answersAnything()
                    ? new ModelSummarizer(checked, windows, summaryPrompt, ledger, listener)
                    : new ExtractiveSummarizer();
            ContextStrategy strategy = configured.create(new StrategyServices(windows, price.cacheRates(), summarizer));
            ToolContext toolContext = new ToolContext(
                    workspace, environment, spec.commandTimeout(), ToolContext.DEFAULT_OUTPUT_LIMIT_CHARS, session::state,
                    spec.sandbox(), spec.approver());
            RunResult result = new AgentLoop(checked, strategy, offered, toolContext, ledger, spec.limits(), clock, listener).run(session);
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
