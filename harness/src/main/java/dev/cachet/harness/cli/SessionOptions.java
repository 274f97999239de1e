package dev.cachet.harness.cli;

import dev.cachet.context.strategy.Strategies;
import dev.cachet.harness.RunSpec;
import dev.cachet.harness.config.Config;
import dev.cachet.tools.catalog.ToolLoading;
import dev.cachet.tools.sandbox.Approver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /** The session these options describe, for a task in a workspace. */
    RunSpec runSpec(Path workspace, String task, Config config, Map<String, String> environment, PrintWriter out,
            PrintWriter err) {
        return new RunSpec(workspace, task, strategy, params(config), limits.limits(), limits.commandTimeout,
                sandbox.sandbox(environment, out), approver(err), toolLoading, config.mcpServers());
    }

    /** The config's parameters for the strategy, with the flags' on top. */
    Map<String, Integer> params(Config config) {
        return params.paramsFor(strategy, List.of(strategy), config);
    }

    Approver approver(PrintWriter err) {
        return approve ? TerminalApprover.onStdin(err) : Approver.ALWAYS;
    }
}
