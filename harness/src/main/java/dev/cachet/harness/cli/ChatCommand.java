package dev.cachet.harness.cli;

import dev.cachet.harness.Harness;
import dev.cachet.harness.OpenSession;
import dev.cachet.harness.RunSpec;
import dev.cachet.harness.chat.ChatSession;
import dev.cachet.harness.chat.Chats;
import dev.cachet.harness.chat.PromptLines;
import dev.cachet.harness.chat.TurnStop;
import dev.cachet.harness.resume.SessionFiles;
import dev.cachet.harness.resume.SessionRecord;
import dev.cachet.harness.view.LiveView;
import dev.cachet.harness.view.Style;
import dev.cachet.harness.view.TerminalText;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.session.SessionLogException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {
            "An interactive session in the terminal (also 'cachet' with no arguments, on a terminal): give a task, "
                    + "watch it run, then follow up in the same session. Line editing and history (kept in the user's "
                    + "state directory) come from JLine; end a line with \\ to go on on the next.",
            "Slash commands: /context /cost /compact /strategy /state /plan /tools /diff /undo /resume /help /exit. "
                    + "Ctrl-C stops the turn under way, not the chat; Ctrl-D or /exit ends it with the session summary."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the chat ended", "1:bad usage, or no terminal to chat on",
            "2:bad input (workspace, model, a session to resume), or the session log cannot be written"})
final class ChatCommand extends Subcommand implements Callable<Integer>, CountsTokens {
    @Mixin
    AgentOptions agent;

    @Mixin
    PlanOption plan;

    @Option(names = "--resume", arity = "0..1", paramLabel = "ID", fallbackValue = "",
            description = "Go on with a logged session, a done one too: its id (see 'cachet sessions'), or none for "
                    + "the one active last.")
    String resume;

    @Override
    public Integer call() {
        if (!root.terminal().available()) {
            throw new UsageException("cachet chat needs a terminal, and stdin or stdout is not one; in scripts use "
                    + "cachet run TASK");
        }
        try (Terminal terminal = root.terminal().open()) {
            return chat(terminal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the terminal: " + e.getMessage(), e);
        }
    }

    private int chat(Terminal terminal) {
        PrintWriter out = new PrintWriter(TerminalText.writer(terminal.writer()), true);
        boolean capable = ChatTerminal.capable(terminal);
        Style style = Style.detect(environment(), capable);
        Harness harness = harness();
        RunSpec spec = agent.session.runSpec(workspace(agent), "", config(), environment(), out, err()).withPlan(plan.plan);
        // Checked before the prompt, as a run checks it before its first request.
        harness.strategy(spec.strategy(), spec.strategyParams());
        Supplier<PricedClient> client = once(() -> harness.open(agent.model.spec(), err()::println));
        if (resume == null) {
            // Up front, so that a missing key is said before the chat starts. A resumed session brings its own model:
            // the chat's is opened only if a new session needs it.
            client.get();
        }
        TurnStop stop = new TurnStop();
        terminal.handle(Terminal.Signal.INT, signal -> {
            if (stop.interrupt("stopped by Ctrl-C")) {
                out.println();
                out.println(style.yellow("stopping this turn (Ctrl-C); the chat goes on"));
                out.flush();
            }
        });
        PromptLines lines = new PromptLines(out);
        LiveView view = DisplayOptions.live(out, lines, capable, environment(), harness.sessionLogs(),
                Optional.empty(), agent.workspace());
        try (ChatSession session = new ChatSession(new Opener(harness, client, view, out), spec, stop, clock())) {
            if (resume != null) {
                session.resume(resume.isEmpty() ? Optional.empty() : Optional.of(resume));
            }
            Chats.create(session, out, style, name -> harness.strategy(name, agent.session.params.paramsFor(name,
                    List.of(name), config())), harness.tools().specs(), spec.sandbox(),
                    names -> Chats.input(terminal, history(), names, lines))
                    .run();
        } catch (SessionLogException e) {
            // The chat ends on it: the error handler says why, on a line of its own.
            view.failed();
            throw e;
        }
        return ExitCodes.OK;
    }

    /** {@code open}'s value, got the first time it is asked for. */
    private static <T> Supplier<T> once(Supplier<T> open) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = open.get();
                }
                return value;
            }
        };
    }

    private Path history() {
        Path dir = root.dirs().stateHome().resolve("cachet");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            err().println("warning: cannot keep the chat's history in " + dir + ": " + e.getMessage());
        }
        return dir.resolve("chat-history");
    }

    /** Opens the chat's sessions with the chat's model and view; a resumed one with its own model and settings. */
    private final class Opener implements ChatSession.Opener {
        private final Harness harness;
        private final Supplier<PricedClient> client;
        private final SessionListener view;
        private final PrintWriter out;

        Opener(Harness harness, Supplier<PricedClient> client, SessionListener view, PrintWriter out) {
            this.harness = harness;
            this.client = client;
            this.view = view;
            this.out = out;
        }

        @Override
        public OpenSession open(RunSpec spec, SessionListener listener) {
            return harness.open(spec, client.get(), SessionListener.all(List.of(view, listener)));
        }

        @Override
        public OpenSession reopen(Optional<String> id, SessionListener listener) {
            Path log = SessionFiles.of(sessionLogs(), agent.workspace()).find(id);
            SessionRecord record = SessionRecord.read(log, warning -> out.println("warning: " + warning));
            RunSpec spec = checked(agent.session.resumeSpec(record, ChatCommand.this::given, config(), environment(),
                    out, err()));
            PricedClient model = given("--model") || record.settings().model().isEmpty() ? client.get()
                    : harness.open(agent.model.over(record.settings().model(), ChatCommand.this::given), err()::println);
            return harness.reopen(record, spec, model, SessionListener.all(List.of(view, listener)));
        }
    }
}
