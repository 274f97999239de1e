package dev.cachet.harness.chat;

import dev.cachet.context.Counted;
import dev.cachet.context.error.CachetException;
import dev.cachet.harness.OpenSession;
import dev.cachet.harness.view.StopSummary;
import dev.cachet.harness.view.Style;
import dev.cachet.providers.session.SessionLogException;
import java.io.PrintWriter;

/**
 * An interactive session: the user gives a task, watches it run, and follows up in the same session until Ctrl-D
 * or {@code /exit}, which print the session's summary. Lines starting with a slash are the chat's commands. A
 * request that fails (the provider, a bad input) is told in one line and the chat goes on; one whose session log
 * cannot be written ends the chat, with that error.
 */
public final class Chat {
    private final ChatInput input;
    private final PrintWriter out;
    private final Style style;
    private final ChatSession session;
    private final SlashCommands commands;

    Chat(ChatInput input, PrintWriter out, Style style, ChatSession session, SlashCommands commands) {
        this.input = input;
        this.out = out;
        this.style = style;
        this.session = session;
        this.commands = commands;
    }

    /** Reads and runs until the user ends the chat. */
    public void run() {
        out.println(style.dim("cachet chat in " + session.spec().workspace() + ": type a task; /help for commands, "
                + "Ctrl-C stops a turn, Ctrl-D ends the chat"));
        out.flush();
        while (true) {
            ChatInput.Input read = session.whileIdle(() -> input.read("> "));
            if (read instanceof ChatInput.Input.End) {
                break;
            }
            if (read instanceof ChatInput.Input.Interrupt) {
                out.println(style.dim("(Ctrl-D or /exit ends the chat)"));
                continue;
            }
            String text = ((ChatInput.Input.Line) read).text().strip();
            if (text.equals("/exit") || text.equals("/quit")) {
                break;
            }
            if (text.equals("/plan")) {
                commands.plan();
            } else if (text.startsWith("/plan ")) {
                send(text.substring("/plan ".length()).strip(), true);
            } else if (text.startsWith("/")) {
                commands.run(text, input);
            } else if (!text.isEmpty()) {
                send(text, false);
            }
            out.flush();
        }
        summary();
    }

    private void send(String text, boolean plan) {
        try {
            session.send(text, plan);
        } catch (SessionLogException e) {
            // The log ends with the last event it could write: a session that went on would have a gap in it, and
            // a resume would rebuild another session than the one the model saw. The chat ends, and says why.
            throw e;
        } catch (CachetException e) {
            out.println(style.red("cachet: " + e.getMessage()));
        }
    }

    private void summary() {
        if (session.open().isEmpty()) {
            out.println("no task was given; nothing logged");
            out.flush();
            return;
        }
        OpenSession open = session.open().get();
        int requests = session.requests();
        out.println(style.bold("session " + open.id() + ": " + Counted.of(requests, "request") + ", "
                + Counted.of(open.turns(), "turn")));
        out.println(StopSummary.totals(open.ledger().usage(), open.ledger().costUsd(), open.ledger().pings()));
        out.println("log:     " + open.log());
        out.println("to go on: cachet chat --resume " + open.id());
        out.flush();
    }
}
