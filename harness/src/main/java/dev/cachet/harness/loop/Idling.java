package dev.cachet.harness.loop;

import dev.cachet.context.window.Window;
import dev.cachet.providers.Usage;
import java.util.Optional;
import java.util.function.Supplier;

/** What a session does while it waits on something other than its model: a long tool call, a user at the prompt. */
public interface Idling extends AutoCloseable {
    /** Idle stretches are only waited through. */
    Idling NO_PINGS = new Idling() {
        @Override
        public void sent(int turn, Window window, Optional<Usage> usage) {}

        @Override
        public <T> T whileIdle(Supplier<T> wait) {
            return wait.get();
        }
    };

    /** The session's last request to its model, sent for turn {@code turn}, and what it was billed. */
    void sent(int turn, Window window, Optional<Usage> usage);

    /** Runs {@code wait} as an idle stretch; when it returns, nothing the stretch started is still running. */
    <T> T whileIdle(Supplier<T> wait);

    /** Nothing the session started runs after: it has ended. */
    @Override
    default void close() {}
}
