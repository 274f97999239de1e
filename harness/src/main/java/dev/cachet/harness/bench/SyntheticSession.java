package dev.cachet.harness.bench;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic coding session for benchmarks: each turn one tool call with a result of code-like text, cycling
 * through file reads (so files are read again), test runs and searches, sized to reach a target history length.
 */
public final class SyntheticSession {
    private static final String[] WORDS = {"public", "static", "final", "return", "int", "String", "List", "Map", "new",
        "if", "else", "for", "while", "null", "this", "value", "count", "index", "result", "config", "session",
        "window", "token", "cache", "prefix", "request", "response", "error", "assert", "test", "(", ")", "{", "}",
        ";", "=", "==", "+", ".", ",", "<", ">", "0", "1", "42", "\n"};
    private static final int FILES = 25;

    private SyntheticSession() {}

    /** This vocabulary averages about 4.4 characters per o200k token. */
    private static final double CHARS_PER_TOKEN = 4.4;

    /** {@code turns} turns with the shortest results: the fewest tokens so many turns can take. */
    public static List<Message> shortest(int turns, long seed) {
        return turns(turns, 0, seed);
    }

    /**
     * {@code turns} assistant turns with their results, about {@code historyTokens} tokens in all, or the
     * {@link #shortest} such turns where that is fewer.
     */
    public static List<Message> turns(int turns, int historyTokens, long seed) {
        Random random = new Random(seed);
        int resultChars = (int) Math.max(40, historyTokens * CHARS_PER_TOKEN / turns - 150);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            String id = "call_" + i;
            ToolCall call = switch (i % 4) {
                case 0, 1 -> new ToolCall(id, "read_file", "{\"path\":\"src/module" + random.nextInt(FILES) + "/Component.java\"}");
                case 2 -> new ToolCall(id, "run_command", "{\"command\":\"mvn -q test -Dtest=ComponentTest\"}");
                default -> new ToolCall(id, "grep", "{\"pattern\":\"value" + random.nextInt(50) + "\",\"glob\":\"*.java\"}");
            };
            messages.add(AssistantTurn.calls("Step " + i + ": looking at " + call.name() + " to narrow down the failing case.", call));
            messages.add(new ToolResult(id, call.name(), text(random, resultChars), false));
        }
        return messages;
    }

    /** About {@code chars} characters of code-like words; the same random state gives the same text. */
    static String text(Random random, int chars) {
        StringBuilder out = new StringBuilder(chars + 16);
        while (out.length() < chars) {
            out.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return out.toString();
    }
}
