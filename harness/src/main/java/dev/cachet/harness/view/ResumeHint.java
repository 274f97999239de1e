package dev.cachet.harness.view;

import dev.cachet.providers.session.Limits;
import dev.cachet.providers.session.SessionEvent;
import java.util.Locale;
import java.util.Optional;

/**
 * What to type to go on with a session that stopped before it was done: {@code cachet resume ID}, with a higher
 * limit when a limit stopped it.
 *
 * @param flags what the resume needs besides the id to find the session, such as {@code -w DIR}; may be empty
 */
public record ResumeHint(String flags) {
    public Optional<String> after(SessionEvent.Stopped stop, String sessionId, Limits limits) {
        String resume = "cachet resume " + sessionId + flags;
        return switch (stop.reason()) {
            case DONE -> Optional.empty();
            case MAX_TURNS -> Optional.of(resume + " --max-turns " + 2 * limits.maxTurns());
            case TOKEN_BUDGET -> Optional.of(resume + " --max-tokens " + 2 * limits.maxTokens());
            case COST_BUDGET -> Optional.of(resume + String.format(Locale.ROOT, " --max-cost %.2f", 2 * limits.maxCostUsd()));
            case CONSECUTIVE_ERRORS -> Optional.of(resume + " --max-errors " + 2 * limits.maxConsecutiveErrors());
            case WALL_TIME, REPEATED_ACTION, PROVIDER_ERROR, INTERRUPTED -> Optional.of(resume);
        };
    }
}
