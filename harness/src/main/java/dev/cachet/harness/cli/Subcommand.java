package dev.cachet.harness.cli;

import dev.cachet.harness.Harness;
import dev.cachet.harness.RunSpec;
import dev.cachet.harness.SessionOutcome;
import dev.cachet.harness.config.Config;
import dev.cachet.harness.loop.StopRequest;
import dev.cachet.providers.session.SessionLogs;
import dev.cachet.tools.sandbox.SandboxMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every cachet subcommand gets from picocli: where to print and warn, and the harness its parent built. */
abstract class Subcommand {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CachetCommand root;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Harness harness() {
        return root.harness();
    }

    Config config() {
        return root.config();
    }

    /**
     * The workspace {@code agent} names, once nothing that chooses what cachet starts lies where its agent, where it
     * may write the workspace, could write it: a trusted config read from a folder inside it, a trusted project in it,
     * cachet's own config, session logs and cache (moving a folder that holds a hidden one shows it again).
     */
    Path workspace(AgentOptions agent) {
        // Said before anything else, a missing key included.
        Path workspace = Harness.existing(agent.workspace());
        refuseWhatRunsNext(workspace, agent.session.sandbox.mode);
        return workspace;
    }

    /** A resumed session's spec, checked as {@link #workspace} checks a new one's: it runs in its logged workspace. */
    RunSpec checked(RunSpec resumed) {
        refuseWhatRunsNext(resumed.workspace(), resumed.sandbox().mode());
        return resumed;
    }

    private void refuseWhatRunsNext(Path workspace, SandboxMode mode) {
        if (mode.confinesCommands() && mode.allowsWorkspaceWrites()) {
            root.refuseConfigInside(workspace);
            root.refuseWorkspaceHoldingOwnDirs(workspace);
        }
    }

    /** Where sessions are logged, and found again to resume or list them. */
    SessionLogs sessionLogs() {
        return root.sessionLogs();
    }

    Clock clock() {
        return root.clock();
    }

    /** Whether the option was given on the command line, not taken from a config file or its default. */
    boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /**
     * Runs a session that Ctrl-C and SIGTERM stop gracefully (where cachet has a process of its own), and says how
     * the command exits after the way the session stopped.
     */
    int stoppable(Function<StopRequest, SessionOutcome> session) {
        StopRequest stop = new StopRequest();
        try (SignalStop signals = root.signals(stop, err())) {
            return ExitCodes.after(session.apply(stop).result().reason());
        }
    }

    /** The environment sessions run with: the one cachet was started with, and the config's 'env' on top. */
    Map<String, String> environment() {
        return root.environment();
    }
}
