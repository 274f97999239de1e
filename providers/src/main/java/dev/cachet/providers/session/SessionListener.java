package dev.cachet.providers.session;

import dev.cachet.providers.TextStream;
import java.util.List;

/** Receives the events of a session as they happen. */
@FunctionalInterface
public interface SessionListener {
    void on(SessionEvent event);

    /**
     * Where the model's text goes as it arrives, for a listener that shows it; it is not an event, and no log keeps
     * it (the whole answer comes as a {@link SessionEvent.ModelResponded}). {@link TextStream#NONE} lets the model
     * answer whole.
     */
    default TextStream modelText() {
        return TextStream.NONE;
    }

    static SessionListener all(List<SessionListener> listeners) {
        List<TextStream> watchers = listeners.stream().map(SessionListener::modelText).filter(t -> t != TextStream.NONE).toList();
        TextStream text = watchers.isEmpty() ? TextStream.NONE : new TextStream() {
            @Override
            public void text(String delta) {
                watchers.forEach(w -> w.text(delta));
            }

            @Override
            public void restarted(String why) {
                watchers.forEach(w -> w.restarted(why));
            }
        };
        return new SessionListener() {
            @Override
            public void on(SessionEvent event) {
                listeners.forEach(l -> l.on(event));
            }

            @Override
            public TextStream modelText() {
                return text;
            }
        };
    }
}
