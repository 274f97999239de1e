package dev.cachet.evals.replay;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names an action uses: file paths, code symbols, quoted strings (error messages, search patterns) and short
 * one-line arguments of its tool calls. Plain words are left out: they are everywhere, so finding them in a window
 * says nothing.
 */
final class References {
    /**
     * A name in a path is at most 255 characters long (NAME_MAX): unbounded, the pattern tried each start in a long
     * word (a log's argument of letters and no slash) again to the word's end, in time quadratic in its length.
     */
    private static final Pattern PATH = Pattern.compile(
            "[\\w.\\-]{0,255}(?:/[\\w.\\-]{1,255})+|[\\w\\-]{1,255}\\.[A-Za-z][A-Za-z0-9]{0,4}\\b");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\n]{8,200})\"|'([^'\\n]{8,200})'");
    private static final Pattern CAMEL_HUMP = Pattern.compile("[a-z][A-Z]");
    private static final int MIN_LENGTH = 4;
    private static final int MAX_QUOTED = 200;

    private References() {}

    /**
     * One name and the forms it may take in earlier text, most specific first: a path as written, then its file
     * name, which is what listings and tracebacks often show instead.
     */
    record Reference(String name, List<String> forms) {}

    static List<Reference> of(AssistantTurn action) {
        Map<String, Reference> names = new LinkedHashMap<>();
        for (ToolCall call : action.toolCalls()) {
            for (String text : strings(call)) {
                paths(text, names);
                symbols(text, names);
                quoted(text, names);
                whole(text, names);
            }
        }
        return List.copyOf(names.values());
    }

    private static Reference path(String path) {
        String trimmed = path.startsWith("./") ? path.substring(2) : path;
        int slash = trimmed.lastIndexOf('/');
        String name = trimmed.substring(slash + 1);
        return new Reference(path, slash < 0 || name.length() < MIN_LENGTH ? List.of(trimmed) : List.of(trimmed, name));
    }

    private static void add(Map<String, Reference> into, String name) {
        into.putIfAbsent(name, new Reference(name, List.of(name)));
    }

    private static List<String> strings(ToolCall call) {
        List<String> strings = call.stringValues();
        // Arguments that do not parse are searched as the text the model wrote.
        return strings.isEmpty() && call.parsedArguments().isMissingNode() ? List.of(call.arguments()) : strings;
    }

    /** An argument copied whole from an output, such as a search pattern or the old text of an edit. */
    private static void whole(String text, Map<String, Reference> into) {
        String value = text.strip();
        if (value.length() >= 8 && value.length() <= MAX_QUOTED && value.indexOf('\n') < 0
                && value.chars().anyMatch(Character::isLetter)) {
            add(into, value);
        }
    }

    private static void paths(String text, Map<String, Reference> into) {
        Matcher m = PATH.matcher(text);
        while (m.find()) {
            String path = stripTrailingDots(m.group());
            if (path.length() >= MIN_LENGTH && path.chars().anyMatch(Character::isLetter) && !path.startsWith("/dev/")) {
                into.putIfAbsent(path, path(path));
            }
        }
    }

    private static void symbols(String text, Map<String, Reference> into) {
        Matcher m = SYMBOL.matcher(text);
        while (m.find()) {
            String symbol = m.group();
            // Part of a path already taken (a file name is also a dotted identifier): counting it again would weigh it twice.
            if (symbol.length() >= MIN_LENGTH && looksLikeCode(symbol)
                    && into.values().stream().noneMatch(ref -> ref.forms().size() > 1 && ref.name().contains(symbol))) {
                add(into, symbol);
            }
        }
    }

    private static void quoted(String text, Map<String, Reference> into) {
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            String quoted = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
            if (quoted.length() >= 8 && quoted.chars().anyMatch(Character::isLetter)) {
                add(into, quoted);
            }
        }
    }

    private static boolean looksLikeCode(String symbol) {
        return symbol.indexOf('_') > 0 || symbol.indexOf('.') > 0 || CAMEL_HUMP.matcher(symbol).find();
    }

    private static String stripTrailingDots(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '.') {
            end--;
        }
        return path.substring(0, end);
    }
}
