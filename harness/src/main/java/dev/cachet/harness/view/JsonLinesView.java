package dev.cachet.harness.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cachet.context.Json;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import java.io.PrintWriter;

/**
 * Every session event as one line of JSON, for scripts: the shape of the session log's lines, less their time.
 * The model's text comes whole, in its {@code model_response}.
 */
public final class JsonLinesView implements SessionListener {
    private final PrintWriter out;

    public JsonLinesView(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void on(SessionEvent event) {
        try {
            out.println(Json.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
        out.flush();
    }
}
