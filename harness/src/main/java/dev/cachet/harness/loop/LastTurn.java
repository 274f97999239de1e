package dev.cachet.harness.loop;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolResult;
import java.util.Map;
import java.util.Set;

/**
 * The last model turn of a session that a resume goes on from, as far as its log tells: the results its calls got,
 * the calls that started and got none (a crash or a stop caught them running), and whether the loop refused to run
 * the turn at all, as it does with an action repeated too often.
 */
public record LastTurn(AssistantTurn message, Map<String, ToolResult> results, Set<String> started, boolean refused) {
    public LastTurn {
        results = Map.copyOf(results);
        started = Set.copyOf(started);
    }

    /** A turn the model just answered: nothing has run yet. */
    static LastTurn fresh(AssistantTurn message) {
        return new LastTurn(message, Map.of(), Set.of(), false);
    }
}
