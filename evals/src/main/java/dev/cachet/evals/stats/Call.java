package dev.cachet.evals.stats;

import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The usage of each of {@code calls} that recorded one, in order: a loop, as a report does it for every call of a
     * year of logs, where a stream of each call's optional would make a stream per call.
     */
    static List<Usage> usages(List<Call> calls) {
        List<Usage> usages = new ArrayList<>(calls.size());
        for (Call call : calls) {
            call.usage().ifPresent(usages::add);
        }
        return usages;
    }

    /** {@code calls} by agent: the session's own first, then each sub-agent in the order it first called. */
    static Map<String, List<Call>> byAgent(List<Call> calls) {
        Map<String, List<Call>> byAgent = new LinkedHashMap<>();
        byAgent.put(TrajectoryTurn.MAIN, new ArrayList<>());
        calls.forEach(call -> byAgent.computeIfAbsent(call.agent(), a -> new ArrayList<>()).add(call));
        byAgent.values().removeIf(List::isEmpty);
        return byAgent;
    }
}
