package dev.cachet.context.strategy;

import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces an observation with a one-line placeholder: which call produced it, how big it was, why it was masked,
 * and the file paths it mentioned, so the agent keeps the references it may need and knows how to see the rest.
 */
final class Placeholders {
    private static final String PREFIX = "[masked ";
    private static final int MAX_ARGUMENT_CHARS = 120;
    private static final int MAX_MENTIONS = 8;
    // Slash-separated words, optionally absolute (group 1, checked by looksLikePath so "and/or" and "1/2" are not
    // paths), or a bare file name with a common extension (group 2).
    private static final Pattern MENTION = Pattern.compile("(?<![\\w/.-])(/?(?:[\\w.-]+/)+[\\w.-]*\\w)"
            + "|(?<![\\w/.-])([\\w-]+\\.(?:java|py|js|ts|tsx|go|rs|c|h|cc|cpp|rb|kt|md|txt|json|ya?ml|toml|xml|sh|cfg|ini)\\b)");
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z]\\w{0,7}$");

    private Placeholders() {}

    static ToolResult mask(ToolCall call, ToolResult result, int tokens, String reason) {
        StringBuilder text = new StringBuilder(PREFIX).append(call.name()).append(' ')
                .append(OneLine.clip(call.arguments(), MAX_ARGUMENT_CHARS))
                .append(": ").append(String.format(Locale.ROOT, "%,d", tokens)).append(" tokens, ").append(reason).append('.');
        Set<String> mentions = mentions(result.content());
        if (!mentions.isEmpty()) {
            text.append(" Mentioned: ").append(String.join(", ", mentions)).append('.');
        }
        text.append(" Run the tool again to see it.]");
        return new ToolResult(result.callId(), result.toolName(), text.toString(), result.error());
    }

    private static Set<String> mentions(String content) {
        Set<String> found = new LinkedHashSet<>();
        for (Matcher matcher = MENTION.matcher(content); found.size() < MAX_MENTIONS && matcher.find(); ) {
            if (matcher.group(2) != null || looksLikePath(matcher.group(1))) {
                found.add(matcher.group());
            }
        }
        return found;
    }

    private static boolean looksLikePath(String candidate) {
        long slashes = candidate.chars().filter(c -> c == '/').count();
        return candidate.chars().anyMatch(Character::isLetter) && (slashes >= 2 || EXTENSION.matcher(candidate).find());
    }
}
