package dev.cachet.tools.builtin;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How many times a pattern's counted repetitions ({@code {n}}, {@code {n,}}, {@code {n,m}}) may run its innermost
 * part, the counts of nested groups multiplied. A part that matches nothing reads no character, so neither the
 * command timeout nor a stop, which {@link StoppableText} checks as characters are read, can end
 * {@code (?:(?:^){2000000000}){2000000000}}: such a pattern is refused before it runs.
 */
final class CountedRepetitions {
    /**
     * As many as RE2 allows one count, here for the counts of nested groups together: with a line's first
     * {@link GrepTool#MAX_MATCHED_CHARS} characters matched, a part that matches nothing runs at most some 65 million
     * times a line, a fraction of a second.
     */
    static final long MAX = 1_000;

    private CountedRepetitions() {}

    /** The largest product of the counts of nested repetitions in {@code regex}. */
    static long of(String regex) {
        // Per open group, the largest product found inside it; the top one is the whole pattern's.
        Deque<long[]> groups = new ArrayDeque<>();
        groups.push(new long[] {1});
        long last = 1; // the product of the atom just closed: a group's, else 1
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && regex.startsWith("Q", i + 1)) {
                // Quoted to \E, or to the end: no count in it.
                int end = regex.indexOf("\\E", i + 2);
                i = end < 0 ? regex.length() : end + 1;
                last = 1;
            } else if (c == '\\') {
                i++;
                last = 1;
            } else if (c == '[') {
                i = classEnd(regex, i);
                last = 1;
            } else if (c == '(') {
                groups.push(new long[] {1});
                last = 1;
            } else if (c == ')' && groups.size() > 1) {
                last = groups.pop()[0];
            } else if (c == '{') {
                int close = regex.indexOf('}', i);
                long count = close < 0 ? -1 : upperCount(regex.substring(i + 1, close));
                if (count >= 0) {
                    groups.peek()[0] = Math.max(groups.peek()[0], saturated(last, Math.max(count, 1)));
                    i = close;
                }
                last = 1;
            } else {
                last = 1;
            }
            groups.peek()[0] = Math.max(groups.peek()[0], last);
        }
        long all = 1;
        while (!groups.isEmpty()) {
            all = Math.max(all, groups.pop()[0]);
        }
        return all;
    }

    /** The larger count of {@code n}, {@code n,} or {@code n,m} (an open range counts its lower bound); -1 if none. */
    private static long upperCount(String counts) {
        if (!counts.matches("\\d+(,\\d*)?")) {
            return -1;
        }
        String[] bounds = counts.split(",", -1);
        String upper = bounds.length == 2 && !bounds[1].isEmpty() ? bounds[1] : bounds[0];
        return upper.length() > 12 ? Long.MAX_VALUE : Long.parseLong(upper);
    }

    /** Where a character class that opens at {@code open} closes ({@code ]} right after {@code [} or {@code [^} is a member). */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == ']') {
                return i;
            }
        }
        return regex.length();
    }

    private static long saturated(long a, long b) {
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
