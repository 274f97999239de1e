package dev.cachet.evals.stats;

import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One model call of a recorded session, counted once however many logs copy it: the unit every usage report adds
 * up (by session, agent, model, or period of time).
 *
 * @param session the session it belongs to ({@link dev.cachet.evals.trace.Trajectory#session()})
 * @param agent   whose call it was ({@link dev.cachet.evals.trace.TrajectoryTurn#agent()})
 * @param model   the model that answered it, when the log names it
 * @param at      when it was made, when the log says
 * @param usage   what it billed, with the 1-hour part of its cache writes; empty when the log does not record it
 * @param ping    whether it was a keep-alive ping, which re-read the agent's cached prefix while it idled: billed,
 *                and a use of the cache, but no turn of the agent's context
 */
public record Call(String session, String agent, Optional<String> model, Optional<Instant> at, Optional<Usage> usage,
        boolean ping) {
    /** A call that was a turn of its agent, not a ping. */
    public Call(String session, String agent, Optional<String> model, Optional<Instant> at, Optional<Usage> usage) {
        this(session, agent, model, at, usage, false);
    }

    public Call {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(usage, "usage");
    }
}
