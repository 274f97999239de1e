package dev.cachet.harness.cli;

import dev.cachet.context.strategy.Strategies;
import dev.cachet.harness.RunSpec;
import dev.cachet.harness.config.Config;
import dev.cachet.harness.resume.SessionRecord;
import dev.cachet.harness.resume.Settings;
import dev.cachet.tools.catalog.ToolLoading;
import dev.cachet.tools.sandbox.Approver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


/** The options every session-running command shares: strategy, limits and sandbox. */
final class SessionOptions {
    @Option(names = {"-s", "--strategy"}, paramLabel = "NAME", defaultValue = Strategies.DEFAULT,
            description = "Context strategy (see 'cachet strategies'). Default: 'strategy' in .cachet.yaml, else "
                    + Strategies.DEFAULT + ".")
    String strategy;

    @Mixin
    StrategyParamOption params;

    @Mixin
    LimitOptions limits;

    @Mixin
    SandboxOptions sandbox;

    @Option(names = "--approve", description = "Ask on the terminal before each command the agent runs and each file it changes.")
    boolean approve;

    @Option(names = "--tools", paramLabel = "LOADING", defaultValue = "deferred", converter = ToolLoadingConverter.class,
            description = {"How MCP servers' tools reach the model: deferred (only tool_search and call_tool are in "
                    + "the tools array; schemas arrive as search results, so the cached prefix never changes) or "
                    + "eager (every schema in every request).", "Default: ${DEFAULT-VALUE}."})
    ToolLoading toolLoading;

    @Option(names = "--cache-keepalive", paramLabel = "N", defaultValue = "0", converter = ZeroOrMoreConverter.class,
            description = {"While a tool call runs or the chat waits for you, re-send the last request with max_tokens 1 "
                    + "every 4.5 minutes (55 with --cache-ttl 1h), up to N times per pause, so the cached prefix does "
                    + "not expire (Anthropic; other providers' caches cannot be kept alive, and it says so).",
                "A ping costs the prefix at the cache-read price plus one output token; an expired cache costs the prefix "
                    + "at the write price instead of the read price at the next call. Since nobody knows how long a pause "
                    + "lasts, a ping is sent only while the pause's pings so far cost less than that rewrite.",
                "Pings are billed and shown as pings. 0 sends none. Default: ${DEFAULT-VALUE}."})
    int keepAlivePings;

    /** The session these options describe, for a task in a workspace. */
    RunSpec runSpec(Path workspace, String task, Config config, Map<String, String> environment, PrintWriter out,
            PrintWriter err) {
        return new RunSpec(workspace, task, strategy, params(config), limits.limits(), limits.commandTimeout,
                sandbox.sandbox(environment, out, workspace), approver(err), toolLoading, config.mcpServers(), false,
                keepAlivePings);
    }

    /**
     * A resumed session as these options change it: the settings it ran with, and on top the flags that were given
     * ({@code given}); config files do not change a session under way. Its tools array stays as it started.
     */
    RunSpec resumeSpec(SessionRecord record, Predicate<String> given, Config config, Map<String, String> environment,
            PrintWriter out, PrintWriter err) {
        if (given.test("--tools")) {
            throw new UsageException("--tools cannot change for a session under way: its tools array stays as it started");
        }
        Settings logged = record.settings();
        String chosen = given.test("--strategy") ? strategy : logged.strategy();
        Map<String, Integer> base = given.test("--strategy") ? config.paramsFor(chosen) : logged.params();
        return new RunSpec(Path.of(record.start().workspace()), record.start().task(), chosen,
                params.over(base, chosen, List.of(chosen)), limits.over(logged.limits(), given), limits.commandTimeout,
                sandbox.sandbox(environment, out, Path.of(record.start().workspace())), approver(err),
                record.toolLoading(), config.mcpServers(), false, keepAlivePings);
    }

    /** The config's parameters for the strategy, with the flags' on top. */
    Map<String, Integer> params(Config config) {
        return params.paramsFor(strategy, List.of(strategy), config);
    }

    Approver approver(PrintWriter err) {
        return approve ? TerminalApprover.onStdin(err) : Approver.ALWAYS;
    }
}
