package dev.cachet.harness.cli;

import dev.cachet.context.strategy.Strategies;
import dev.cachet.harness.config.Config;
import dev.cachet.harness.loop.Limits;
import dev.cachet.harness.RunSpec;
import dev.cachet.tools.catalog.ToolLoading;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.Bubblewrap;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options every session-running command shares: strategy, limits and sandbox. */
final class SessionOptions {
    @Option(names = {"-s", "--strategy"}, paramLabel = "NAME",
            description = "Context strategy (see 'cachet strategies'). Default: 'strategy' in .cachet.yaml, else "
                    + Strategies.DEFAULT + ".")
    String strategy;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=N",
            description = "A parameter of the strategy, e.g. -P keep=5 (repeatable; over .cachet.yaml's).")
    Map<String, Integer> params = new HashMap<>();

    @Option(names = "--max-turns", paramLabel = "N", defaultValue = "50",
            description = "Stop after N model turns. Default: ${DEFAULT-VALUE}.")
    int maxTurns;

    @Option(names = "--max-tokens", paramLabel = "N",
            description = "Stop once the session has used N tokens (input + output). Default: no limit.")
    Long maxTokens;

    @Option(names = "--max-cost", paramLabel = "USD",
            description = "Stop once the session has cost this many US dollars. Default: no limit.")
    Double maxCost;

    @Option(names = "--max-time", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
            description = "Stop after this much wall time (90s, 30m, 2h). Default: ${DEFAULT-VALUE}.")
    Duration maxTime;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "5",
            description = "Stop after N tool calls in a row fail. Default: ${DEFAULT-VALUE}.")
    int maxErrors;

    @Option(names = "--command-timeout", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
            description = "Kill a command the agent runs after this long. Default: ${DEFAULT-VALUE}.")
    Duration commandTimeout;

    @Option(names = "--cache-ttl", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long the provider keeps cached prefixes: 5m, or 1h (Anthropic; writes cost 2x input "
                    + "instead of 1.25x). Default: ${DEFAULT-VALUE}.")
    Duration cacheTtl;

    @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "workspace-write", converter = SandboxModeConverter.class,
            description = {"What the agent may change: read-only (nothing: edits refused), workspace-write (its "
                    + "workspace only) or full (anything you can). Except under full, commands run in bubblewrap "
                    + "(bwrap): the filesystem read-only but for the workspace, a private /tmp, no network.",
                "Default: ${DEFAULT-VALUE}."})
    SandboxMode sandboxMode;

    @Option(names = "--approve", description = "Ask on the terminal before each command the agent runs and each file it changes.")
    boolean approve;

    @Option(names = "--allow-env", paramLabel = "NAME",
            description = "Pass this environment variable to commands although its name contains KEY, TOKEN, SECRET or "
                    + "PASSWORD (repeatable).")
    List<String> allowEnv = new ArrayList<>();

    @Option(names = "--allow-network", description = "Let sandboxed commands use the network.")
    boolean allowNetwork;

    @Option(names = "--tools", paramLabel = "LOADING", defaultValue = "deferred", converter = ToolLoadingConverter.class,
            description = {"How MCP servers' tools reach the model: deferred (only tool_search and call_tool are in "
                    + "the tools array; schemas arrive as search results, so the cached prefix never changes) or "
                    + "eager (every schema in every request).", "Default: ${DEFAULT-VALUE}."})
    ToolLoading toolLoading;

    /** The session these options describe, for a task in a workspace. */
    RunSpec runSpec(Path workspace, String task, Config config, Map<String, String> environment, PrintWriter out,
            PrintWriter err) {
        return new RunSpec(workspace, task, strategy(config), params(config), limits(), commandTimeout, cacheTtl,
                sandbox(environment, out), approver(err), toolLoading, config.mcpServers());
    }

    /** The strategy to use: the flag, else the config's, else the default. */
    String strategy(Config config) {
        return strategy != null ? strategy : config.strategy().orElse(Strategies.DEFAULT);
    }

    /** The config's parameters for the strategy, with the flags' on top. */
    Map<String, Integer> params(Config config) {
        Map<String, Integer> merged = new HashMap<>(config.paramsFor(strategy(config)));
        merged.putAll(params);
        return merged;
    }

    /**
     * The sandbox asked for. When it needs bubblewrap and none is on the PATH of {@code environment}, says so once,
     * up front, in the session's output: the refusals themselves only reach the model.
     */
    Sandbox sandbox(Map<String, String> environment, PrintWriter out) {
        if (sandboxMode.confinesCommands() && Bubblewrap.installed(environment).isEmpty()) {
            out.println("warning: the agent's commands will be refused: " + Bubblewrap.NOT_INSTALLED);
        }
        return new Sandbox(sandboxMode, Set.copyOf(allowEnv), allowNetwork);
    }

    Approver approver(PrintWriter err) {
        return approve ? TerminalApprover.onStdin(err) : Approver.ALWAYS;
    }

    Limits limits() {
        Limits limits = Limits.DEFAULT.withMaxTurns(maxTurns).withMaxWallTime(maxTime).withMaxConsecutiveErrors(maxErrors);
        if (maxTokens != null) {
            limits = limits.withMaxTokens(maxTokens);
        }
        if (maxCost != null) {
            limits = limits.withMaxCostUsd(maxCost);
        }
        return limits;
    }
}
