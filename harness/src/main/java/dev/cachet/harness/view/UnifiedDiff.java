package dev.cachet.harness.view;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff in the unified format: hunks of changed lines with a few unchanged ones around them. Lines both texts
 * begin and end with are set aside first, so an edit of a few lines in a long file costs little; a change too big
 * for the longest-common-subsequence table is shown as all its old lines removed and all its new ones added.
 */
public final class UnifiedDiff {
    private static final long MAX_TABLE = 1_000_000;

    /** One line of a diff: a hunk header, an unchanged line, a removed one or an added one. */
    public record Line(Kind kind, String text) {
        public enum Kind { HUNK, SAME, REMOVED, ADDED }
    }

    private UnifiedDiff() {}

    /**
     * @param firstLine the line number {@code before} starts at in its file, for the hunk headers
     * @param context unchanged lines shown around each change
     */
    public static List<Line> of(String before, String after, int firstLine, int context) {
        List<String> a = before.isEmpty() ? List.of() : before.lines().toList();
        List<String> b = after.isEmpty() ? List.of() : after.lines().toList();
        List<Line> edits = edits(a, b);
        return hunks(edits, firstLine, context);
    }

    /** Every line of both texts in order, each unchanged, removed or added. */
    private static List<Line> edits(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Line> edits = new ArrayList<>();
        a.subList(0, prefix).forEach(line -> edits.add(new Line(Line.Kind.SAME, line)));
        edits.addAll(middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix)));
        a.subList(a.size() - suffix, a.size()).forEach(line -> edits.add(new Line(Line.Kind.SAME, line)));
        return edits;
    }

    private static List<Line> middle(List<String> a, List<String> b) {
        List<Line> edits = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_TABLE) {
            a.forEach(line -> edits.add(new Line(Line.Kind.REMOVED, line)));
            b.forEach(line -> edits.add(new Line(Line.Kind.ADDED, line)));
            return edits;
        }
        // common[i][j]: the longest common subsequence of a[i..] and b[j..]
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(new Line(Line.Kind.SAME, a.get(i++)));
                j++;
            } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
                edits.add(new Line(Line.Kind.ADDED, b.get(j++)));
            } else {
                edits.add(new Line(Line.Kind.REMOVED, a.get(i++)));
            }
        }
        // Removed lines read better before the added lines that replace them.
        return removalsFirst(edits);
    }

    private static List<Line> removalsFirst(List<Line> edits) {
        List<Line> ordered = new ArrayList<>();
        List<Line> added = new ArrayList<>();
        for (Line line : edits) {
            if (line.kind() == Line.Kind.ADDED) {
                added.add(line);
            } else if (line.kind() == Line.Kind.REMOVED) {
                ordered.add(line);
            } else {
                ordered.addAll(added);
                added.clear();
                ordered.add(line);
            }
        }
        ordered.addAll(added);
        return ordered;
    }

    private static List<Line> hunks(List<Line> edits, int firstLine, int context) {
        List<Line> out = new ArrayList<>();
        int shown = 0;
        for (int change = nextChange(edits, 0); change >= 0; change = nextChange(edits, shown)) {
            int start = Math.max(shown, change - context);
            int end = endOfRun(edits, change);
            // A hunk takes in the next change too when no more than twice the context lies between them.
            for (int next = nextChange(edits, end + 1); next >= 0 && next - end - 1 <= 2 * context;
                    next = nextChange(edits, end + 1)) {
                end = endOfRun(edits, next);
            }
            shown = Math.min(edits.size(), end + 1 + context);
            out.add(header(edits, start, shown, firstLine));
            out.addAll(edits.subList(start, shown));
        }
        return out;
    }

    private static int endOfRun(List<Line> edits, int change) {
        int end = change;
        while (end + 1 < edits.size() && edits.get(end + 1).kind() != Line.Kind.SAME) {
            end++;
        }
        return end;
    }

    private static int nextChange(List<Line> edits, int from) {
        for (int i = from; i < edits.size(); i++) {
            if (edits.get(i).kind() != Line.Kind.SAME) {
                return i;
            }
        }
        return -1;
    }

    private static Line header(List<Line> edits, int start, int stop, int firstLine) {
        int oldStart = firstLine;
        int newStart = firstLine;
        for (Line line : edits.subList(0, start)) {
            oldStart += line.kind() == Line.Kind.ADDED ? 0 : 1;
            newStart += line.kind() == Line.Kind.REMOVED ? 0 : 1;
        }
        int oldCount = 0;
        int newCount = 0;
        for (Line line : edits.subList(start, stop)) {
            oldCount += line.kind() == Line.Kind.ADDED ? 0 : 1;
            newCount += line.kind() == Line.Kind.REMOVED ? 0 : 1;
        }
        // As diff -u does, an empty side names the line before it.
        return new Line(Line.Kind.HUNK, "@@ -" + (oldCount == 0 ? oldStart - 1 : oldStart) + "," + oldCount
                + " +" + (newCount == 0 ? newStart - 1 : newStart) + "," + newCount + " @@");
    }
}
