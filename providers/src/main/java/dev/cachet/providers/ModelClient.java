package dev.cachet.providers;

import dev.cachet.context.window.Window;
import java.util.Optional;

/** Sends a rendered window to a model and returns its answer. */
public interface ModelClient {
    /** The model id prices are looked up by, for example {@code claude-sonnet-4-6}. */
    String model();

    /**
     * @throws ProviderException when the model cannot answer
     */
    ModelResponse complete(Window window);

    /**
     * Answers as {@link #complete(Window)} does, and passes the answer's text to {@code text} as it arrives where the
     * client can stream; the response is the same either way. A client that cannot stream answers whole.
     *
     * @throws ProviderException when the model cannot answer
     */
    default ModelResponse complete(Window window, TextStream text) {
        return complete(window);
    }

    /**
     * Whether the model can answer requests the session did not record, such as a strategy's summary request.
     * Recorded and scripted models cannot; strategies then summarize offline.
     */
    default boolean answersAnything() {
        return true;
    }

    /**
     * How to keep this model's cached prefix alive while a session idles; empty where no request is documented to
     * refresh the cache's lifetime (OpenAI's automatic prefix cache) or there is no cache, so pinging is no use.
     */
    default Optional<KeepAlive> keepAlive() {
        return Optional.empty();
    }

    /**
     * This model carrying on a session it has answered {@code answeredTurns} turns of, as a resume needs it. A live
     * model reads the session from the window, so it is itself; a recording must skip the turns it gave.
     */
    default ModelClient continuing(int answeredTurns) {
        return this;
    }
}
