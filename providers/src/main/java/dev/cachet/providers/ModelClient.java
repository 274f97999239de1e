package dev.cachet.providers;

import dev.cachet.context.window.Window;

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
     * This model carrying on a session it has answered {@code answeredTurns} turns of, as a resume needs it. A live
     * model reads the session from the window, so it is itself; a recording must skip the turns it gave.
     */
    default ModelClient continuing(int answeredTurns) {
        return this;
    }
}
