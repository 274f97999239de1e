package dev.cachet.context.strategy.hybrid;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds calls whose output a later call made stale, the safest outputs to mask since the agent has something
 * newer: the same call made again (a test re-run, a repeated search); a whole-file read of the same path; or an
 * edit or write of the path, which changes the file. A read of a line range is superseded only by the same
 * range, a whole read, or a change; edits and writes themselves never are. Keys are cached per call.
 */
final class Supersession {
    private static final String READ = "read_file";
    private static final Set<String> CHANGES = Set.of("edit_file", "write_file");

    private final Map<ToolCall, Keys> keys = new HashMap<>();

    /** The calls in these messages that a later call supersedes (the call instances, as ids may repeat). */
    Set<ToolCall> superseded(List<Message> messages) {
        Set<String> later = new HashSet<>();
        Set<ToolCall> superseded = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof AssistantTurn turn) {
                List<ToolCall> calls = turn.toolCalls();
                for (int j = calls.size() - 1; j >= 0; j--) {
                    ToolCall call = calls.get(j);
                    Keys callKeys = keys.computeIfAbsent(call, Supersession::keysOf);
                    if (callKeys.supersededBy().stream().anyMatch(later::contains)) {
                        superseded.add(call);
                    }
                    later.addAll(callKeys.supersedes());
                }
            }
        }
        return superseded;
    }

    private static Keys keysOf(ToolCall call) {
        String exact = call.name() + " " + call.arguments();
        Optional<String> path = call.name().equals(READ) || CHANGES.contains(call.name())
                ? call.textArgument("path") : Optional.empty();
        if (path.isEmpty()) {
            return new Keys(List.of(exact), List.of(exact));
        }
        String wholeRead = "read " + path.get();
        String change = "change " + path.get();
        if (CHANGES.contains(call.name())) {
            // An edit's output is a one-line receipt: never worth masking, and the file it changed is stale.
            return new Keys(List.of(), List.of(change));
        }
        boolean ranged = call.parsedArguments().has("start_line") || call.parsedArguments().has("end_line");
        return ranged
                ? new Keys(List.of(exact, wholeRead, change), List.of(exact))
                : new Keys(List.of(exact, wholeRead, change), List.of(exact, wholeRead));
    }

    /** What makes a call's output stale, and what its own output makes stale in earlier calls. */
    private record Keys(List<String> supersededBy, List<String> supersedes) {}
}
