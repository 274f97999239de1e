package dev.cachet.context.strategy;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds calls whose output a later call made stale: the same tool run again with the same arguments (a test
 * re-run, a repeated search), or a file read that a later read, edit or write of the same path supersedes. Such
 * outputs are the safest to mask: the agent has something newer. Keys are cached per call.
 */
final class Supersession {
    private static final Set<String> FILE_TOOLS = Set.of("read_file", "edit_file", "write_file");

    private final Map<ToolCall, List<String>> keys = new HashMap<>();

    /** Ids of the calls in these messages that a later call supersedes. */
    Set<String> superseded(List<Message> messages) {
        Set<String> laterKeys = new HashSet<>();
        Set<String> superseded = new HashSet<>();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof AssistantTurn turn) {
                for (ToolCall call : turn.toolCalls()) {
                    List<String> callKeys = keys.computeIfAbsent(call, Supersession::keysOf);
                    if (laterKeys.contains(callKeys.get(0))) {
                        superseded.add(call.id());
                    }
                    laterKeys.addAll(callKeys.subList(1, callKeys.size()));
                }
            }
        }
        return superseded;
    }

    // The first key is what supersedes this call's output; the rest are what this call supersedes in earlier ones.
    private static List<String> keysOf(ToolCall call) {
        String exact = call.name() + " " + call.arguments();
        Optional<String> path = FILE_TOOLS.contains(call.name()) ? call.textArgument("path") : Optional.empty();
        if (path.isEmpty()) {
            return List.of(exact, exact);
        }
        String file = "file " + path.get();
        return call.name().equals("read_file") ? List.of(file, file, exact) : List.of(exact, file);
    }
}
