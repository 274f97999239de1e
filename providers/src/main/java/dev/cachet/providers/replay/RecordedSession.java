package dev.cachet.providers.replay;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.providers.session.LoggedEvent;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionLogException;
import dev.cachet.providers.session.SessionLogReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The model's side of a recorded session: its assistant turns in order. The file is a cachet session log (JSONL);
 * only {@code model_response} events are used, so a hand-written file may hold just those.
 */
public record RecordedSession(String source, List<AssistantTurn> turns) {
    public RecordedSession {
        turns = List.copyOf(turns);
    }

    /** @param warnings told about lines the reader dropped, such as a torn last line */
    public static RecordedSession read(Path file, Consumer<String> warnings) {
        try {
            return of(file.toString(), new SessionLogReader(warnings).only(SessionEvent.ModelResponded.class).read(file));
        } catch (SessionLogException e) {
            throw new RecordingException(e.getMessage(), e);
        }
    }

    /** Reads a recording from any stream; {@code source} names it in errors. */
    public static RecordedSession read(InputStream in, String source, Consumer<String> warnings) throws IOException {
        try {
            return of(source, new SessionLogReader(warnings).only(SessionEvent.ModelResponded.class).read(in, source));
        } catch (SessionLogException e) {
            throw new RecordingException(e.getMessage(), e);
        }
    }

    private static RecordedSession of(String source, List<LoggedEvent> events) {
        List<AssistantTurn> turns = events.stream().map(LoggedEvent::event)
                .filter(SessionEvent.ModelResponded.class::isInstance)
                .map(event -> ((SessionEvent.ModelResponded) event).message()).toList();
        if (turns.isEmpty()) {
            throw new RecordingException(source + ": no \"model_response\" events; expected a cachet session log");
        }
        return new RecordedSession(source, turns);
    }
}
