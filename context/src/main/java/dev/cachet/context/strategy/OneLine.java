package dev.cachet.context.strategy;

/** Text shown inside a placeholder or summary line: whitespace runs collapsed, cut at a length with "...". */
public final class OneLine {
    private OneLine() {}

    public static String clip(String text, int maxChars) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= maxChars ? oneLine : oneLine.substring(0, maxChars) + "...";
    }
}
