package dev.cachet.providers.http;

/** Takes the events of one streamed answer, as {@link RetryingTransport#stream} reads them. */
public interface EventSink {
    /**
     * An attempt begins. After the first, what an earlier attempt gathered before it was cut short is void.
     *
     * @param after why the earlier attempt failed; empty on the first
     */
    void begin(String after);

    /**
     * @return true when this event completes the answer
     * @throws StreamFailure when the event says the answer failed
     */
    boolean accept(ServerSentEvent event);

    /** Whether an attempt cut short after some of its events can be made again from the start. */
    default boolean restartable() {
        return true;
    }

    /** An error the server sent inside the stream, such as Anthropic's {@code overloaded_error}. */
    final class StreamFailure extends RuntimeException {
        private final boolean retryable;

        public StreamFailure(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
