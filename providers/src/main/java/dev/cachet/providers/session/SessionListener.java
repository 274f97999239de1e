package dev.cachet.providers.session;

import java.util.List;

/** Receives the events of a session as they happen. */
@FunctionalInterface
public interface SessionListener {
    void on(SessionEvent event);

    static SessionListener all(List<SessionListener> listeners) {
        return event -> listeners.forEach(l -> l.on(event));
    }
}
