package dev.cachet.context.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an output mentions that an agent may need again: file paths, and names from code.
 *
 * <p>Both patterns match only where a run of the characters they are made of begins (their look-behind rules out
 * the rest of a run), and at most once a run. So instead of trying the pattern at every character, each run that
 * holds a character a match needs is tried once, at its start: the same matches, without the engine's per-character
 * work in the words, numbers and prose that make up most of an output.
 */
public final class Mentions {
    // Slash-separated words, optionally absolute (group 1, checked by looksLikePath so "and/or" and "1/2" are not
    // paths), or a bare file name with a common extension (group 2).
    static final Pattern PATH = Pattern.compile("(?<![\\w/.-])(/?(?:[\\w.-]+/)+[\\w.-]*\\w)"
            + "|(?<![\\w/.-])([\\w-]+\\.(?:java|py|js|ts|tsx|go|rs|c|h|cc|cpp|rb|kt|md|txt|json|ya?ml|toml|xml|sh|cfg|ini)\\b)");
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z]\\w{0,7}$");
    // Dotted (Enum.map, self.parser), snake_case and camelCase identifiers: plain words are left to the prose.
    static final Pattern CODE_NAME = Pattern.compile(
            "(?<![\\w.])(?:[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)+|[A-Za-z]\\w*_\\w+|[a-z]+[A-Z]\\w*)(?![\\w(]*/)");
    private static final int MIN_NAME_LENGTH = 4;
    /**
     * Runs longer than this are passed over: no path or name an agent needs again is, while a blob (base64, minified
     * code, a path made up to be deep) would have the patterns' repeated groups recurse once a segment and overflow
     * the stack (some 2,000 segments on a 1 MB thread stack, far fewer on a smaller one).
     */
    static final int MAX_RUN = 512;

    private Mentions() {}

    /** Up to {@code max} paths not in {@code seen}, in order of first appearance; each is added to {@code seen}. */
    public static List<String> paths(String text, int max, Set<String> seen) {
        List<String> found = new ArrayList<>();
        // A path's run is of word characters, slashes, dots and dashes; it needs a slash, or a dot before its extension.
        eachRunMatch(text, PATH, max, found, c -> isWord(c) || c == '/' || c == '.' || c == '-',
                c -> c == '/' || c == '.', matcher -> {
                    if ((matcher.group(2) != null || looksLikePath(matcher.group(1))) && seen.add(matcher.group())) {
                        found.add(matcher.group());
                    }
                });
        return found;
    }

    /** Up to {@code max} code names not in {@code seen}, in order of first appearance; each is added to {@code seen}. */
    public static List<String> codeNames(String text, int max, Set<String> seen) {
        List<String> found = new ArrayList<>();
        // A code name's run is of word characters and dots; it needs a dot, an underscore or an upper case letter.
        eachRunMatch(text, CODE_NAME, max, found, c -> isWord(c) || c == '.',
                c -> c == '.' || c == '_' || c >= 'A' && c <= 'Z', matcher -> {
                    String name = matcher.group();
                    if (name.length() >= MIN_NAME_LENGTH && seen.add(name)) {
                        found.add(name);
                    }
                });
        return found;
    }

    /** A char predicate without boxing. */
    private interface CharTest {
        boolean test(char c);
    }

    /**
     * Tries {@code pattern} on {@code text} at the start of each maximal run of {@code inRun} characters that holds a {@code needed}
     * one and is at most {@link #MAX_RUN} long, in order, until {@code found} has {@code max} entries; hands each match to {@code onMatch}. The matcher
     * sees past the run's start (transparent bounds), so its look-behind reads what it would in the whole text.
     */
    private static void eachRunMatch(String text, Pattern pattern, int max, List<String> found, CharTest inRun,
            CharTest needed, Consumer<Matcher> onMatch) {
        Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int length = text.length();
        int i = 0;
        while (i < length && found.size() < max) {
            if (!inRun.test(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean candidate = false;
            for (; i < length && inRun.test(text.charAt(i)); i++) {
                candidate |= needed.test(text.charAt(i));
            }
            if (candidate && i - start <= MAX_RUN && matcher.region(start, length).lookingAt()) {
                onMatch.accept(matcher);
            }
        }
    }

    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean looksLikePath(String candidate) {
        long slashes = candidate.chars().filter(c -> c == '/').count();
        return candidate.chars().anyMatch(Character::isLetter) && (slashes >= 2 || EXTENSION.matcher(candidate).find());
    }
}
