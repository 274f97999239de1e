package dev.cachet.context.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MentionsTest {
    private static final String[] FRAGMENTS = {
        "src/app/models.py", "/usr/lib/x.so", "./run.sh", "../a/b", "and/or", "1/2", "a.b.c", "Enum.map", "self.parser",
        "snake_case", "camelCase", "HTTPServer", "_private", "x_", "README.md", "setup.cfg", "a-b.json", "foo.pyc",
        "file.txt.", "dir/", "/", ".", "..", "-", "_", "(", ")", "call(", "fn(x)/", "name(/", " ", "  ", "\n", "\t",
        ":", ",", "\"", "'", "→", "日本", "é.py", "v1.2.3", "12", "the", "Word", "path/to/file", "x/y.java", "a.b/c"};

    /** What {@link Mentions} finds, given a text, a most and the names seen. */
    private interface Finder {
        List<String> find(String text, int max, Set<String> seen);
    }

    @Test
    void paths_are_those_the_pattern_finds_scanning_every_character() {
        assertFindsAsEveryCharacter(19, Mentions::paths, Mentions.PATH, "src/app/models.py", true);
    }

    @Test
    void code_names_are_those_the_pattern_finds_scanning_every_character() {
        assertFindsAsEveryCharacter(7, Mentions::codeNames, Mentions.CODE_NAME, "Enum.map", false);
    }

    private static void assertFindsAsEveryCharacter(long seed, Finder finder, Pattern pattern, String seenBefore,
            boolean paths) {
        Random random = new Random(seed);
        for (int n = 0; n < 3_000; n++) {
            String text = text(random);
            int max = 1 + random.nextInt(10);
            assertThat(finder.find(text, max, new HashSet<>(Set.of(seenBefore)))).as(text)
                    .isEqualTo(everyCharacter(pattern, text, max, new HashSet<>(Set.of(seenBefore)), paths));
        }
    }

    @Test
    void finds_paths_and_names_in_an_output() {
        String output = "Traceback:\n  File \"src/app/models.py\", line 42\n    return Schema.from_dict(raw) in setup.cfg";
        Set<String> seen = new HashSet<>();

        assertThat(Mentions.paths(output, 8, seen)).containsExactly("src/app/models.py", "setup.cfg");
        assertThat(Mentions.codeNames(output, 8, seen)).containsExactly("models.py", "Schema.from_dict");
    }

    @Test
    void a_run_too_long_to_be_a_path_or_a_name_is_passed_over_where_its_match_would_overflow_the_stack()
            throws InterruptedException {
        String deep = "x/".repeat(3_000) + "f.py";
        String dotted = "ab.".repeat(3_000) + "c";
        String text = deep + " then src/app/models.py and " + dotted + " then Schema.from_dict";
        List<List<String>> found = new ArrayList<>();
        // A thread stack of 256 KB, on which 500 segments overflowed.
        Thread thread = new Thread(null, () -> found.add(List.copyOf(Mentions.paths(text, 8, new HashSet<>()))), "small",
                256 * 1024);
        thread.start();
        thread.join();

        assertThat(found).containsExactly(List.of("src/app/models.py"));
        assertThat(Mentions.codeNames(text, 8, new HashSet<>())).containsExactly("f.py", "models.py", "Schema.from_dict");
        assertThat(Mentions.paths("x/".repeat(Mentions.MAX_RUN / 2 - 4) + "f.py", 8, new HashSet<>())).hasSize(1);
    }

    /** The plain way: the pattern tried at every character; paths pass the same check as in {@link Mentions}. */
    private static List<String> everyCharacter(Pattern pattern, String text, int max, Set<String> seen, boolean paths) {
        List<String> found = new ArrayList<>();
        for (Matcher matcher = pattern.matcher(text); found.size() < max && matcher.find(); ) {
            String match = matcher.group();
            boolean kept = paths ? matcher.group(2) != null || looksLikePath(matcher.group(1)) : match.length() >= 4;
            if (kept && seen.add(match)) {
                found.add(match);
            }
        }
        return found;
    }

    private static boolean looksLikePath(String candidate) {
        long slashes = candidate.chars().filter(c -> c == '/').count();
        return candidate.chars().anyMatch(Character::isLetter)
                && (slashes >= 2 || Pattern.compile("\\.[A-Za-z]\\w{0,7}$").matcher(candidate).find());
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int f = random.nextInt(30); f > 0; f--) {
            text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return text.toString();
    }
}
