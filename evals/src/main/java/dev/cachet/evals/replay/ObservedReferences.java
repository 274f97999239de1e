package dev.cachet.evals.replay;

import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For each turn of a trajectory, the names its action uses that the agent learned from an observation: the first
 * earlier message holding the name is a tool result, not the task or the model's own words. These are what a
 * strategy must keep visible; the same for every strategy, so computed once per trajectory.
 */
final class ObservedReferences {
    /** A name an action used, in the form to look for, and the tool output it was first seen in. */
    record Observed(String form, ToolResult source) {}

    private ObservedReferences() {}

    /** Per turn, each such name. */
    static List<List<Observed>> of(Trajectory trajectory) {
        List<Message> seen = new ArrayList<>();
        seen.add(new SystemText(trajectory.systemPrompt()));
        seen.add(new UserText(trajectory.task()));
        List<List<Observed>> perTurn = new ArrayList<>();
        for (TrajectoryTurn turn : trajectory.turns()) {
            seen.addAll(turn.userMessages());
            List<Observed> learned = new ArrayList<>();
            for (References.Reference reference : References.of(turn.action())) {
                firstObserved(reference, seen).ifPresent(learned::add);
            }
            perTurn.add(List.copyOf(learned));
            seen.add(turn.action());
            seen.addAll(turn.observations());
        }
        return perTurn;
    }

    /** The most specific form that appeared before, when it first appeared in a tool result. */
    private static Optional<Observed> firstObserved(References.Reference reference, List<Message> seen) {
        for (String form : reference.forms()) {
            for (Message message : seen) {
                if (MessageText.contains(message, form)) {
                    return message instanceof ToolResult result ? Optional.of(new Observed(form, result)) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
