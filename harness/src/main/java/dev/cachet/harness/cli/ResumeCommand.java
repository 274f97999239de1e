package dev.cachet.harness.cli;

import dev.cachet.harness.Harness;
import dev.cachet.harness.InputException;
import dev.cachet.harness.RunSpec;
import dev.cachet.harness.resume.SessionFiles;
import dev.cachet.harness.resume.SessionRecord;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.session.StopReason;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {
            "Go on with a session that stopped or died: after Ctrl-C, a crash, a provider outage or a limit.",
            "The session is rebuilt from its log (messages, task state, the strategy's compactions, what it spent, "
                    + "its tools array) and appends to it. It keeps its model, strategy and limits unless flags "
                    + "change them, e.g. a higher --max-turns; an option not given keeps the session's own setting, "
                    + "whatever default its description names. A tool call the session died in is run again if it "
                    + "only reads; a command or a file change is not: the model is told it may or may not have "
                    + "completed, with the workspace's git status. The first request is a cold restart: the "
                    + "provider's cache holds nothing of the session any more."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the agent finished", "1:bad usage",
            "2:bad input (no such session, a session that is done, an unreadable log), or the log cannot be written",
            "3:the model provider failed", "4:a limit stopped the session", "130:Ctrl-C or SIGTERM stopped the session"})
final class ResumeCommand extends Subcommand implements Callable<Integer>, CountsTokens {
    @Parameters(paramLabel = "ID|PATH", arity = "0..1",
            description = "The session's id (see 'cachet sessions') or its log. Default: the session active last.")
    String session;

    @Mixin
    AgentOptions agent;

    @Mixin
    DisplayOptions display;

    @Override
    public Integer call() {
        PrintWriter out = out();
        Path log = SessionFiles.of(sessionLogs(), workspace(agent)).find(Optional.ofNullable(session));
        SessionRecord record = SessionRecord.read(log, warning -> err().println("warning: " + warning));
        record.stop().filter(stop -> stop.reason() == StopReason.DONE).ifPresent(done -> {
            throw new InputException("session " + record.id() + " is done (" + done.detail() + "); nothing to resume");
        });
        Harness harness = harness();
        RunSpec run = checked(agent.session.resumeSpec(record, this::given, config(), environment(), out, err()));
        PricedClient client = harness.open(agent.model.over(record.settings().model(), this::given), err()::println);
        if (display.mode == null) {
            out.printf("  log %s%n", log);
        }
        return stoppable(stop -> harness.resume(record, run, client, display.view(out, err(), environment(),
                harness.sessionLogs(), DisplayOptions.resumeHint(agent.workspace), agent.workspace()), stop));
    }
}
