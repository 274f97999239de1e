package dev.cachet.context.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an output mentions that an agent may need again: file paths, and names from code. */
public final class Mentions {
    // Slash-separated words, optionally absolute (group 1, checked by looksLikePath so "and/or" and "1/2" are not
    // paths), or a bare file name with a common extension (group 2).
    private static final Pattern PATH = Pattern.compile("(?<![\\w/.-])(/?(?:[\\w.-]+/)+[\\w.-]*\\w)"
            + "|(?<![\\w/.-])([\\w-]+\\.(?:java|py|js|ts|tsx|go|rs|c|h|cc|cpp|rb|kt|md|txt|json|ya?ml|toml|xml|sh|cfg|ini)\\b)");
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z]\\w{0,7}$");
    // Dotted (Enum.map, self.parser), snake_case and camelCase identifiers: plain words are left to the prose.
    private static final Pattern CODE_NAME = Pattern.compile(
            "(?<![\\w.])(?:[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)+|[A-Za-z]\\w*_\\w+|[a-z]+[A-Z]\\w*)(?![\\w(]*/)");
    private static final int MIN_NAME_LENGTH = 4;

    private Mentions() {}

    /** Up to {@code max} paths not in {@code seen}, in order of first appearance; each is added to {@code seen}. */
    public static List<String> paths(String text, int max, Set<String> seen) {
        List<String> found = new ArrayList<>();
        for (Matcher matcher = PATH.matcher(text); found.size() < max && matcher.find(); ) {
            if ((matcher.group(2) != null || looksLikePath(matcher.group(1))) && seen.add(matcher.group())) {
                found.add(matcher.group());
            }
        }
        return found;
    }

    /** Up to {@code max} code names not in {@code seen}, in order of first appearance; each is added to {@code seen}. */
    public static List<String> codeNames(String text, int max, Set<String> seen) {
        List<String> found = new ArrayList<>();
        for (Matcher matcher = CODE_NAME.matcher(text); found.size() < max && matcher.find(); ) {
            String name = matcher.group();
            if (name.length() >= MIN_NAME_LENGTH && seen.add(name)) {
                found.add(name);
            }
        }
        return found;
    }

    private static boolean looksLikePath(String candidate) {
        long slashes = candidate.chars().filter(c -> c == '/').count();
        return candidate.chars().anyMatch(Character::isLetter) && (slashes >= 2 || EXTENSION.matcher(candidate).find());
    }
}
