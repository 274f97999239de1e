package dev.cachet.harness.cli;

import dev.cachet.evals.CheckResult;
import dev.cachet.evals.Task;
import dev.cachet.evals.TaskCheck;
import dev.cachet.evals.suite.Directories;
import dev.cachet.harness.Harness;
import dev.cachet.harness.RunSpec;
import dev.cachet.harness.SessionOutcome;
import dev.cachet.harness.demo.BundledExample;
import dev.cachet.harness.loop.StopRequest;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Solve a real bug offline: copies the bundled example repository to a temporary directory and runs the "
                    + "full agent loop on it, with real tool execution, driven by a recorded model session. "
                    + "Then runs the task's check command.",
            "Needs no API key and no network."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the check passed", "1:bad usage (an unknown flag, a malformed value)",
            "2:bad input (a strategy or model that does not exist)", "4:a limit stopped the session", "5:the check failed",
            "130:Ctrl-C or SIGTERM stopped the demo"})
final class DemoCommand extends Subcommand implements Callable<Integer>, CountsTokens {
    static final String EXAMPLE = "demo";
    static final Duration CHECK_TIMEOUT = Duration.ofMinutes(2);

    @Mixin
    SessionOptions options;

    @Mixin
    CacheTtlOption ttl;

    @Option(names = "--keep", description = "Keep the demo's workspace, a temporary directory, to look at what the "
            + "agent did; cachet says where it is. Without it the workspace is removed however the demo ends.")
    boolean keep;

    @Override
    public Integer call() throws IOException {
        // The flags are checked before the workspace is made, so that a bad one leaves nothing behind.
        CacheLifetime lifetime = ttl.lifetime();
        harness().strategy(options.strategy, options.params(config()));
        StopRequest stop = new StopRequest();
        // Signals are trapped from before the workspace exists to after the check, so that Ctrl-C at any point ends
        // in the finally that removes it.
        try (SignalStop signals = root.signals(stop, err())) {
            Path workspace = Files.createTempDirectory("cachet-demo-");
            try {
                return solve(workspace, lifetime, stop);
            } finally {
                if (keep) {
                    out().printf("kept:    %s (--keep)%n", workspace);
                } else {
                    Directories.deleteRecursively(workspace);
                }
            }
        }
    }

    private int solve(Path workspace, CacheLifetime lifetime, StopRequest stop) {
        PrintWriter out = out();
        Harness harness = harness();
        BundledExample example = new BundledExample(EXAMPLE);
        Task task = example.task();
        example.checkOut(workspace);
        out.printf("cachet demo: task '%s' in a fresh copy of the example repository%n  workspace %s%n  task      %s%n%n",
                task.id(), workspace, task.prompt());
        RunSpec run = options.runSpec(workspace, task.prompt(), config(), environment(), out, err());
        SessionOutcome outcome = harness.run(run, harness.replay(example.recording(), lifetime),
                DisplayOptions.live(out, environment(), harness.sessionLogs(), workspace), stop);
        if (stop.requested()) {
            return ExitCodes.INTERRUPTED;
        }
        // The demo's agent is a recording shipped with cachet and its check is cachet's own script: nothing hostile
        // wrote either. It runs unconfined (secrets still scrubbed), so a machine without bwrap can run the demo.
        Sandbox unconfined = Sandbox.of(SandboxMode.FULL);
        CheckResult check = stop.interruptible(
                () -> new TaskCheck(CHECK_TIMEOUT, environment(), unconfined).run(task, workspace));
        if (stop.requested()) {
            // Cut short, the check says nothing of the fix.
            return ExitCodes.INTERRUPTED;
        }
        out.printf("check:   %s -> %s (exit %d)%n", task.check(), check.passed() ? "passed" : "FAILED", check.exitCode());
        if (!check.passed()) {
            out.println(check.output());
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.after(outcome.result().reason());
    }
}
