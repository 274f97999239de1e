package dev.cachet.context.strategy.hybrid;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.strategy.CacheReliability;
import dev.cachet.context.strategy.Mentions;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The observations the agent is still working with. An output is in use once an action names something it showed (a
 * path, a code name; the newest output that showed the name, since that is the view the agent acts on), until
 * the idle limit's turns pass without such a use. A read's own path counts as shown, so the latest read of a file
 * being edited stays in use. An output nothing has named yet is not in use: the turns a fold keeps hold the newest
 * ones anyway. Built incrementally: a history only grows.
 *
 * <p>The idle limit is the rent-or-buy break-even of the prices ({@link CacheReliability#idleTurns}): keeping an
 * output of T tokens costs T·c every turn, c a cached token's price; dropping it costs, when the agent needs it
 * again, a re-read: the output's T tokens sent again uncached, at the input price. Kept until its rent has paid for a
 * re-read, and no longer, an output never costs more than twice what the best choice made knowing the future would.
 */
final class WorkingSet {
    private static final int ALL = Integer.MAX_VALUE;

    private final IntSupplier idleTurns;
    private final Map<String, Integer> newestShowing = new HashMap<>();
    private final Map<Integer, Integer> lastUse = new HashMap<>();
    private int seenUpTo;
    private int turns;
    // The calls of the latest turn: the results that follow answer them, even when they arrive in a later update.
    private List<ToolCall> turnCalls = List.of();

    /** @param idleTurns the idle limit, asked each time: what a cached token costs is learnt as the session runs */
    WorkingSet(IntSupplier idleTurns) {
        this.idleTurns = idleTurns;
    }

    /** Takes in the messages appended since the last update. */
    void update(List<Message> history) {
        for (int at = seenUpTo; at < history.size(); at++) {
            if (history.get(at) instanceof AssistantTurn turn) {
                turns++;
                turnCalls = turn.toolCalls();
                turn.toolCalls().forEach(call -> namesOf(call).forEach(this::use));
            } else if (history.get(at) instanceof ToolResult result) {
                Set<String> shown = names(result.content());
                for (ToolCall call : turnCalls) {
                    if (call.id().equals(result.callId())) {
                        shown.addAll(namesOf(call));
                    }
                }
                for (String name : shown) {
                    newestShowing.put(name, at);
                }
            }
        }
        seenUpTo = history.size();
    }

    boolean inUse(int position) {
        Integer last = lastUse.get(position);
        return last != null && turns - last < idleTurns.getAsInt();
    }

    /** Those of {@code positions} in use, in their order. */
    List<Integer> inUse(Collection<Integer> positions) {
        return positions.stream().filter(this::inUse).toList();
    }

    private void use(String name) {
        Integer showing = newestShowing.get(name);
        if (showing != null) {
            lastUse.put(showing, turns);
        }
    }
    /** The names a call's string arguments hold. */
    private static Set<String> namesOf(ToolCall call) {
        Set<String> names = new HashSet<>();
        call.stringValues().forEach(text -> names.addAll(names(text)));
        return names;
    }

    /** Paths (and their file names, which listings and tracebacks show instead) and code names in a text. */
    private static Set<String> names(String text) {
        Set<String> names = new HashSet<>();
        for (String path : Mentions.paths(text, ALL, new HashSet<>())) {
            names.add(path);
            names.add(path.substring(path.lastIndexOf('/') + 1));
        }
        Mentions.codeNames(text, ALL, names);
        return names;
    }
}
