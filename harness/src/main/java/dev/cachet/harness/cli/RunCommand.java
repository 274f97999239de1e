package dev.cachet.harness.cli;

import dev.cachet.harness.Harness;
import dev.cachet.harness.RunSpec;
import dev.cachet.harness.SessionOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Run a coding task in a workspace: the agent reads, edits and runs commands there until it calls finish "
                    + "or a limit stops it.",
            "Each turn prints one line; the session log goes to <workspace>/.cachet/sessions/<id>.jsonl."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the agent finished", "1:bad usage", "2:bad input (workspace, model, recording, missing API key)",
            "3:the model provider failed", "4:a limit stopped the session"})
final class RunCommand extends Subcommand implements Callable<Integer> {
    @Parameters(paramLabel = "TASK", description = "What the agent should do, e.g. \"fix the failing test\".")
    String task;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", defaultValue = ".",
            description = "Directory the agent works in; it cannot read or write outside it. Default: the current directory.")
    Path workspace;

    @Option(names = {"-m", "--model"}, paramLabel = "PROVIDER:NAME",
            description = {"The model: anthropic:<model> (key from ANTHROPIC_API_KEY), openai:<model> (OPENAI_API_KEY),",
                "deepseek:<model> (DEEPSEEK_API_KEY), openai-compatible:<model> with --base-url (vLLM, Ollama, LM Studio),",
                "or replay:<session.jsonl> to answer from a recorded session offline (priced as "
                        + Harness.REPLAY_PRICED_AS + ").",
                "Default: 'model' in .cachet.yaml, else " + DEFAULT_MODEL + "."})
    String model;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Where the provider's API is, for proxies, gateways and test servers. Default: 'base_url' in "
                    + ".cachet.yaml, else the provider's own.")
    String baseUrl;

    static final String DEFAULT_MODEL = "anthropic:claude-sonnet-4-6";

    @Mixin
    SessionOptions options;

    @Override
    public Integer call() {
        PrintWriter out = out();
        Harness harness = harness();
        RunSpec run = options.runSpec(workspace.toAbsolutePath(), task, config(), environment(), out, err());
        SessionOutcome outcome = harness.run(run, harness.model(model != null ? model : config().model().orElse(DEFAULT_MODEL),
                Optional.ofNullable(baseUrl).or(() -> config().baseUrl()), options.cacheTtl), new LiveReporter(out));
        return outcome.result().reason().limit() ? ExitCodes.LIMIT : ExitCodes.OK;
    }
}
