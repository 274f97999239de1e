package dev.cachet.providers.session;

import java.time.Instant;
import java.util.Optional;

/**
 * One event read back from a session log, with the line it stood on and the time the writer stamped on it (absent
 * in hand-written recordings).
 */
public record LoggedEvent(int line, Optional<Instant> time, SessionEvent event) {}
