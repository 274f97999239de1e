package dev.cachet.context;

/** How a {@link TokenCounter} counts a text's tokens. */
@FunctionalInterface
interface TextTokens {
    int count(String text);

    /** The count of the chars {@code text[start, end)}; a counter that can, counts them without making a String. */
    default int count(char[] text, int start, int end) {
        return count(new String(text, start, end - start));
    }
}
