package dev.cachet.harness.view;

import dev.cachet.providers.session.Limits;
import dev.cachet.providers.session.SessionEvent;
import java.util.Optional;

/** Follows a session's id and limits through its events, to say when it stops what to type to go on. */
final class GoOn {
    private final Optional<ResumeHint> hint;
    private String sessionId = "";
    private Limits limits = Limits.DEFAULT;

    GoOn(Optional<ResumeHint> hint) {
        this.hint = hint;
    }

    void follow(SessionEvent event) {
        if (event instanceof SessionEvent.Started started) {
            sessionId = started.sessionId();
            limits = started.limits();
        } else if (event instanceof SessionEvent.Resumed resumed) {
            sessionId = resumed.sessionId();
            limits = resumed.limits();
        }
    }

    Optional<String> after(SessionEvent.Stopped stopped) {
        return hint.flatMap(h -> h.after(stopped, sessionId, limits)).map(command -> "to go on: " + command);
    }
}
