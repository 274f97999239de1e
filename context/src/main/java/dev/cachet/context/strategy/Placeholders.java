package dev.cachet.context.strategy;

import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces an observation with a one-line placeholder: which call produced it, how big it was, why it was masked,
 * and the file paths it mentioned, so the agent keeps the references it may need and knows how to see the rest.
 */
final class Placeholders {
    static final String PREFIX = "[masked ";
    private static final int MAX_ARGUMENT_CHARS = 120;
    private static final int MAX_MENTIONS = 8;
    private static final Pattern PATH = Pattern.compile(
            "(?<![\\w/.-])(?:[\\w.-]+/)+[\\w.-]*\\w|(?<![\\w/.-])[\\w-]+\\.(?:java|py|js|ts|tsx|go|rs|c|h|cc|cpp|rb|kt|md|txt|json|ya?ml|toml|xml|sh|cfg|ini)\\b");

    private Placeholders() {}

    static ToolResult mask(ToolCall call, ToolResult result, int tokens, String reason) {
        StringBuilder text = new StringBuilder(PREFIX).append(call.name()).append(' ').append(clip(call.arguments()))
                .append(": ").append(String.format("%,d", tokens)).append(" tokens, ").append(reason).append('.');
        Set<String> mentions = mentions(result.content());
        if (!mentions.isEmpty()) {
            text.append(" Mentioned: ").append(String.join(", ", mentions)).append('.');
        }
        text.append(" Run the tool again to see it.]");
        return new ToolResult(result.callId(), result.toolName(), text.toString(), result.error());
    }

    static boolean isMasked(ToolResult result) {
        return result.content().startsWith(PREFIX);
    }

    private static Set<String> mentions(String content) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = PATH.matcher(content);
        while (found.size() < MAX_MENTIONS && matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static String clip(String arguments) {
        String oneLine = arguments.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_ARGUMENT_CHARS ? oneLine : oneLine.substring(0, MAX_ARGUMENT_CHARS) + "...";
    }
}
