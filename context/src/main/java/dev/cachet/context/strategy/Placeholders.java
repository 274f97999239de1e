package dev.cachet.context.strategy;

import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces an observation with a one-line placeholder: which call produced it, how big it was, why it was masked,
 * and the file paths (and optionally names from code) it mentioned, so the agent keeps the references it may need
 * and knows how to see the rest.
 */
public final class Placeholders {
    private static final String PREFIX = "[masked ";
    private static final int MAX_ARGUMENT_CHARS = 120;
    private static final int MAX_MENTIONS = 8;

    private Placeholders() {}

    /** Whether a message is a masked output's placeholder: it points at content without holding it. */
    public static boolean isPlaceholder(Message message) {
        return message instanceof ToolResult result && result.content().startsWith(PREFIX);
    }

    static ToolResult mask(ToolCall call, ToolResult result, int tokens, String reason) {
        return mask(call, result, tokens, reason, 0);
    }

    /** As {@link #mask(ToolCall, ToolResult, int, String)}, also keeping up to {@code codeNames} names from code. */
    public static ToolResult mask(ToolCall call, ToolResult result, int tokens, String reason, int codeNames) {
        StringBuilder text = new StringBuilder(PREFIX).append(call.name()).append(' ')
                .append(OneLine.clip(call.arguments(), MAX_ARGUMENT_CHARS))
                .append(": ").append(String.format(Locale.ROOT, "%,d", tokens)).append(" tokens, ").append(reason).append('.');
        Set<String> seen = new HashSet<>();
        List<String> paths = Mentions.paths(result.content(), MAX_MENTIONS, seen);
        if (!paths.isEmpty()) {
            text.append(" Mentioned: ").append(String.join(", ", paths)).append('.');
        }
        List<String> names = Mentions.codeNames(result.content(), codeNames, seen);
        if (!names.isEmpty()) {
            text.append(" Names: ").append(String.join(" ", names)).append('.');
        }
        text.append(" Run the tool again to see it.]");
        return new ToolResult(result.callId(), result.toolName(), text.toString(), result.error());
    }
}
