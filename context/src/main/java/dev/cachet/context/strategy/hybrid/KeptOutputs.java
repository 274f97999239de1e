package dev.cachet.context.strategy.hybrid;

import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.History;
import dev.cachet.context.strategy.OneLine;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An output of a folded turn shown whole in the index, headed by the call that produced it: its turn is gone, so
 * the heading says what it is. Made once per output and reused, so every fold shows the same bytes.
 */
final class KeptOutputs {
    static final String HEADING = "## Kept from a folded turn, still in use: ";
    private static final int MAX_ARGUMENT_CHARS = 120;

    private final Map<Integer, UserText> made = new HashMap<>();
    private final Map<UserText, Integer> positions = new HashMap<>();

    UserText of(History history, int position) {
        return made.computeIfAbsent(position, at -> {
            ToolCall call = history.callAt(at);
            UserText kept = new UserText(HEADING + call.name() + " " + OneLine.clip(call.arguments(), MAX_ARGUMENT_CHARS)
                    + "\n" + ((ToolResult) history.messages().get(at)).content());
            positions.putIfAbsent(kept, at);
            return kept;
        });
    }

    /** Where in the history the output this message keeps is; empty when it keeps none. */
    OptionalInt position(UserText message) {
        Integer at = positions.get(message);
        return at == null ? OptionalInt.empty() : OptionalInt.of(at);
    }
}
