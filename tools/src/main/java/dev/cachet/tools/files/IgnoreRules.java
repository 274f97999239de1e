package dev.cachet.tools.files;

import dev.cachet.tools.ToolException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jgit.ignore.FastIgnoreRule;

/**
 * The rules cachet takes from one ignore file ({@code .gitignore}, {@code .git/info/exclude}), parsed by JGit as git
 * reads them, within bounds a file the agent writes cannot stretch. JGit matches a name with several '*' by a
 * backtracking regular expression, whose failing match against a long name takes time that grows with the name's
 * length to the power of the stars ({@code a*a*a*a*a*a*a*a*b}: hours), and it keeps every rule of every ignore file
 * above the folder it walks, some KiB each (a 1 MiB file of rules in each of 200 nested folders: gigabytes).
 */
public final class IgnoreRules {
    /**
     * The '*' one name of a rule may hold. Measured against a 255-character name, the longest a file system allows:
     * four take up to about a second a match, five over twenty seconds. Real rules seldom hold more than two; Node's
     * template has one with four ({@code report.[0-9]*.[0-9]*.[0-9]*.[0-9]*.json}).
     */
    static final int MAX_STARS_PER_NAME = 4;
    /**
     * The '*' one name may hold in a rule with a {@code **}: JGit then tries the name against every folder of a
     * path. Against 16 folders of 255 characters, measured: two take 19 ms, three 372 ms, four some ten seconds (40
     * folders: 39 s). Real rules with {@code **} seldom hold more than one ({@code **}{@code /*.log}).
     */
    static final int MAX_STARS_PER_NAME_WITH_ANY_FOLDERS = 2;
    /** Larger than any real ignore file; a bigger one is not read. */
    public static final long MAX_FILE_BYTES = 1 << 20;
    /**
     * Rules that apply at once: those of every ignore file from the workspace root down to a folder. A real
     * repository's few hundred fit many times; JGit holds about 1.2 KiB for each.
     */
    static final int MAX_RULES_IN_SCOPE = 10_000;
    /** The characters of those rules together: some 20 MiB once JGit has compiled them, a bracket class the costliest. */
    static final int MAX_CHARS_IN_SCOPE = 1 << 18;
    private static final int SHOWN_RULE_CHARS = 60;
    private static final int SHOWN_FILES = 5;

    /** An ignore file that is missing, or that cachet does not read. */
    public static final IgnoreRules NONE = new IgnoreRules("", List.of(), 0, List.of());

    private final String source;
    private final List<FastIgnoreRule> rules;
    private final int chars;
    private final List<String> leftOut;

    private IgnoreRules(String source, List<FastIgnoreRule> rules, int chars, List<String> leftOut) {
        this.source = source;
        this.rules = rules;
        this.chars = chars;
        this.leftOut = leftOut;
    }

    /**
     * Reads the rules of {@code in} (UTF-8, one a line, as git writes them), taking each while the rules in scope
     * ({@code above}: those of the ignore files that apply with it) leave room.
     *
     * @param source the file, as messages name it
     */
    public static IgnoreRules parse(String source, InputStream in, Collection<IgnoreRules> above) throws IOException {
        int usedRules = above.stream().mapToInt(r -> r.rules.size()).sum();
        int usedChars = above.stream().mapToInt(r -> r.chars).sum();
        List<FastIgnoreRule> rules = new ArrayList<>();
        int chars = 0;
        Tally starry = new Tally("more than " + MAX_STARS_PER_NAME + " '*' in one name");
        Tally deep = new Tally("'**' and more than " + MAX_STARS_PER_NAME_WITH_ANY_FOLDERS + " '*' in one name");
        int cutAtLine = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            // Which lines are rules, as JGit's IgnoreNode.parse decides.
            if (line.isEmpty() || line.startsWith("#") || line.equals("/")) {
                continue;
            }
            int stars = mostStarsInOneName(line);
            if (stars > MAX_STARS_PER_NAME) {
                starry.add(line, number);
                continue;
            }
            if (stars > MAX_STARS_PER_NAME_WITH_ANY_FOLDERS && anyFolders(line)) {
                deep.add(line, number);
                continue;
            }
            if (usedRules + rules.size() >= MAX_RULES_IN_SCOPE || usedChars + chars + line.length() > MAX_CHARS_IN_SCOPE) {
                cutAtLine = number;
                break;
            }
            FastIgnoreRule rule = new FastIgnoreRule(line);
            if (!rule.isEmpty()) {
                rules.add(rule);
                chars += line.length();
            }
        }
        List<String> leftOut = new ArrayList<>();
        starry.said().ifPresent(leftOut::add);
        deep.said().ifPresent(leftOut::add);
        if (cutAtLine > 0) {
            leftOut.add(String.format(Locale.ROOT, "its rules from line %d on, past the %,d rules or %,d characters of"
                    + " ignore files that may apply at once", cutAtLine, MAX_RULES_IN_SCOPE, MAX_CHARS_IN_SCOPE));
        }
        return new IgnoreRules(source, List.copyOf(rules), chars, List.copyOf(leftOut));
    }

    /**
     * Whether these rules ignore {@code path} (relative to the folder of their file), as JGit's
     * {@code IgnoreNode.checkIgnored} says: the last rule that matches decides; empty if none does. The limit is
     * looked at before each rule, so the time a walk runs past it is one rule's match at most.
     *
     * @throws ToolException if the limit passed or a stop came while matching
     */
    public Optional<Boolean> verdict(String path, boolean directory, TimeLimit limit) throws ToolException {
        for (int i = rules.size() - 1; i >= 0; i--) {
            limit.check(() -> "matching the rules of " + source + " against " + path);
            FastIgnoreRule rule = rules.get(i);
            if (rule.isMatch(path, directory, true)) {
                return Optional.of(rule.getResult());
            }
        }
        return Optional.empty();
    }

    /** What of this file cachet left out, and why, in a line; empty if it took every rule. */
    public Optional<String> leftOut() {
        return leftOut.isEmpty() ? Optional.empty() : Optional.of(source + ": " + String.join("; ", leftOut));
    }

    int size() {
        return rules.size();
    }

    /** The line a tool's output ends with to say what of the ignore files it read was left out ({@link #leftOut}). */
    public static Optional<String> said(List<String> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String shown = lines.stream().limit(SHOWN_FILES).collect(Collectors.joining("; "));
        String more = lines.size() > SHOWN_FILES ? "; and in " + (lines.size() - SHOWN_FILES) + " more files" : "";
        return Optional.of("[ignore rules left out, as too costly to match: " + shown + more + "]\n");
    }

    /** Rules left out for one reason: how many, and the first. */
    private static final class Tally {
        private final String why;
        private int count;
        private String first;
        private int firstLine;

        Tally(String why) {
            this.why = why;
        }

        void add(String rule, int line) {
            if (count++ == 0) {
                first = rule;
                firstLine = line;
            }
        }

        Optional<String> said() {
            String rules = count == 1 ? "1 rule" : String.format(Locale.ROOT, "%,d rules", count);
            return count == 0 ? Optional.empty()
                    : Optional.of(rules + " with " + why + ", the first on line " + firstLine + " (" + clip(first) + ")");
        }
    }

    private static boolean anyFolders(String rule) {
        return names(rule).contains("**");
    }

    // A name is what lies between slashes; "**" alone there is a folder wildcard, which JGit matches without a regex.
    static int mostStarsInOneName(String rule) {
        int most = 0;
        for (String name : names(rule)) {
            if (!name.equals("**")) {
                most = Math.max(most, (int) name.chars().filter(c -> c == '*').count());
            }
        }
        return most;
    }

    /** The names of a rule, between its slashes, a leading '!' (which negates it) left out. */
    private static List<String> names(String rule) {
        return Arrays.asList((rule.startsWith("!") ? rule.substring(1) : rule).split("/", -1));
    }

    private static String clip(String rule) {
        return rule.length() <= SHOWN_RULE_CHARS ? rule : rule.substring(0, SHOWN_RULE_CHARS) + "...";
    }
}
