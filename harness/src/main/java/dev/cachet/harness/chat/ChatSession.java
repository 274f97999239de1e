package dev.cachet.harness.chat;

import dev.cachet.harness.OpenSession;
import dev.cachet.harness.RunSpec;
import dev.cachet.harness.loop.RunResult;
import dev.cachet.harness.loop.StopRequest;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.tools.Workspace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The session a chat speaks to: none until the first task, which opens it; each later message is a follow-up to it.
 * Every request runs with a stop request armed for it alone ({@link TurnStop}), so Ctrl-C ends that request and the
 * chat goes on. What the user did between requests that the model should know (an undo) goes with the next message.
 */
public final class ChatSession implements AutoCloseable {
    private final Opener opener;
    private final TurnStop stop;
    private final Clock clock;
    private RunSpec spec;
    private OpenSession open;
    private FileChanges changes;
    private Burn burn;
    private final List<String> notes = new ArrayList<>();
    private int requests;

    /** Opens sessions for the chat: a new one for a task, or one from its log to go on with. */
    public interface Opener {
        OpenSession open(RunSpec spec, SessionListener listener);

        /** @param id the session's id, or empty for the one active last in the workspace */
        OpenSession reopen(Optional<String> id, SessionListener listener);
    }

    /** @param spec the session the first task opens, with that task in place of its own */
    public ChatSession(Opener opener, RunSpec spec, TurnStop stop, Clock clock) {
        this.opener = opener;
        this.spec = spec;
        this.stop = stop;
        this.clock = clock;
    }

    /** Sends a task or a follow-up and runs it until it stops; {@code plan} has the model plan first. */
    public RunResult send(String text, boolean plan) {
        String message = notes.isEmpty() ? text : String.join("\n", notes) + "\n\n" + text;
        notes.clear();
        requests++;
        StopRequest request = stop.arm();
        try {
            if (open == null) {
                adopt(opener.open(spec.withTask(message).withPlan(plan || spec.plan()), listeners()));
                return open.start(request);
            }
            return open.followUp(message, plan, request);
        } finally {
            stop.disarm();
        }
    }

    /** Goes on with a logged session instead of the one under way, which stays in its log as it is. */
    public void resume(Optional<String> id) {
        OpenSession reopened = opener.reopen(id, listeners());
        close();
        adopt(reopened);
    }

    /** Waits for the user as an idle stretch of the open session, which keeps its cache alive where it pings. */
    public <T> T whileIdle(Supplier<T> wait) {
        return open == null ? wait.get() : open.whileIdle(wait);
    }

    /** Something the model should hear with the next message, such as a change the user undid. */
    public void note(String text) {
        notes.add(text);
    }

    public Optional<OpenSession> open() {
        return Optional.ofNullable(open);
    }

    /** The settings the first task opens its session with. */
    public RunSpec spec() {
        return spec;
    }

    /** Changes the settings the first task opens its session with; the session under way has its own. */
    public void respec(RunSpec next) {
        spec = next;
    }

    public int requests() {
        return requests;
    }

    public Optional<FileChanges> changes() {
        return Optional.ofNullable(changes);
    }

    public Optional<Burn> burn() {
        return Optional.ofNullable(burn);
    }

    private SessionListener listeners() {
        changes = new FileChanges(new Workspace(spec.workspace()));
        burn = new Burn(clock);
        return SessionListener.all(List.of(changes, burn));
    }

    private void adopt(OpenSession session) {
        open = session;
    }

    @Override
    public void close() {
        if (open != null) {
            open.close();
            open = null;
        }
    }
}
