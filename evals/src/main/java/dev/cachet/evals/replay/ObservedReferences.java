package dev.cachet.evals.replay;

import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.evals.trace.TrajectoryTurn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Per turn, each such name; {@code search} keeps what it learns of the messages for later searches. */
    static List<List<Observed>> of(Trajectory trajectory, MessageSearch search) {
        FirstMentions seen = new FirstMentions(search);
        seen.add(new SystemText(trajectory.systemPrompt()));
        seen.add(new UserText(trajectory.task()));
        List<List<Observed>> perTurn = new ArrayList<>();
        for (TrajectoryTurn turn : trajectory.turns()) {
            turn.userMessages().forEach(seen::add);
            List<Observed> learned = new ArrayList<>();
            for (References.Reference reference : References.of(turn.action())) {
                firstObserved(reference, seen).ifPresent(learned::add);
            }
            perTurn.add(List.copyOf(learned));
            seen.add(turn.action());
            turn.observations().forEach(seen::add);
        }
        return perTurn;
    }

    /** The most specific form that appeared before, when it first appeared in a tool result. */
    private static Optional<Observed> firstObserved(References.Reference reference, FirstMentions seen) {
        for (String form : reference.forms()) {
            Optional<Message> first = seen.first(form);
            if (first.isPresent()) {
                return first.get() instanceof ToolResult result ? Optional.of(new Observed(form, result)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The messages so far, and for each name asked about the first that holds it. Messages are only appended, so a
     * name's first message never changes and a name not found yet is looked for in the newer messages only: actions
     * use the same names turn after turn, and each is searched for across the session once, not once per turn.
     */
    private static final class FirstMentions {
        private final MessageSearch search;
        private final List<Message> messages = new ArrayList<>();
        private final Map<String, Integer> firstAt = new HashMap<>();
        private final Map<String, Integer> searchedUpTo = new HashMap<>();

        FirstMentions(MessageSearch search) {
            this.search = search;
        }

        void add(Message message) {
            messages.add(message);
        }

        Optional<Message> first(String name) {
            Integer found = firstAt.get(name);
            if (found == null) {
                int from = searchedUpTo.getOrDefault(name, 0);
                for (int i = from; i < messages.size() && found == null; i++) {
                    if (search.contains(messages.get(i), name)) {
                        found = i;
                    }
                }
                if (found == null) {
                    searchedUpTo.put(name, messages.size());
                    return Optional.empty();
                }
                firstAt.put(name, found);
                searchedUpTo.remove(name);
            }
            return Optional.of(messages.get(found));
        }
    }
}
