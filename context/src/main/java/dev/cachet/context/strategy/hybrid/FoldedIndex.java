package dev.cachet.context.strategy.hybrid;

import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.History;
import dev.cachet.context.strategy.Mentions;
import dev.cachet.context.strategy.OneLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An index of what folded observations showed: per call, the paths and code names its output held that no earlier
 * line of the index names. A fold drops the outputs; the index keeps what exists and where it was seen, so the
 * agent can name it, or read it again, instead of guessing. A few hundred tokens stand for tens of thousands.
 * Built incrementally, one observation at a time, because a session's history only grows; each fold shows the
 * part its own turns added.
 */
public final class FoldedIndex {
    static final String HEADING = "## Names seen in folded turns (read again to see the code)";

    /** Whether a message is a part of the index: names that point at folded content without holding it. */
    public static boolean isIndex(Message message) {
        return message instanceof UserText user && user.text().startsWith(HEADING);
    }
    private static final int MAX_ARGUMENT_CHARS = 80;
    private static final int MAX_PATHS_PER_OUTPUT = 40;

    private record Line(int position, String text) {}

    private final int maxCodeNamesPerOutput;
    private final Set<String> named = new HashSet<>();
    private final List<Line> lines = new ArrayList<>();
    private int indexedUpTo;

    FoldedIndex(int maxCodeNamesPerOutput) {
        this.maxCodeNamesPerOutput = maxCodeNamesPerOutput;
    }

    /** The index lines of the observations in [{@code start}, {@code end}), headed, or "" when they name nothing new. */
    String between(int start, int end, History history) {
        for (int at : history.observations()) {
            if (at >= end) {
                break;
            }
            if (at >= indexedUpTo) {
                add(at, (ToolResult) history.messages().get(at), history.callAt(at));
            }
        }
        indexedUpTo = Math.max(indexedUpTo, end);
        List<String> shown = lines.stream().filter(line -> line.position() >= start && line.position() < end)
                .map(Line::text).toList();
        return shown.isEmpty() ? "" : HEADING + "\n" + String.join("\n", shown);
    }

    private void add(int position, ToolResult result, ToolCall call) {
        List<String> fresh = new ArrayList<>(Mentions.paths(result.content(), MAX_PATHS_PER_OUTPUT, named));
        fresh.addAll(Mentions.codeNames(result.content(), maxCodeNamesPerOutput, named));
        if (!fresh.isEmpty()) {
            lines.add(new Line(position, "- " + call.name() + " " + OneLine.clip(call.arguments(), MAX_ARGUMENT_CHARS)
                    + ": " + String.join(" ", fresh)));
        }
    }
}
