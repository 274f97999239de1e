package dev.cachet.providers;

/**
 * Receives the text of a model's answer as it arrives, for display only: the answer a client returns is the whole
 * turn, and that is what a session records. Deltas of one answer arrive in order, from the thread that asked.
 */
public interface TextStream {
    /** Nobody is watching: a client asks for the whole answer at once. */
    TextStream NONE = new TextStream() {
        @Override
        public void text(String delta) {}
    };

    void text(String delta);

    /**
     * The stream was cut short and the request is sent again: the text shown since the answer began is void, and
     * the answer starts over.
     */
    default void restarted(String why) {}
}
