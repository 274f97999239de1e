package dev.cachet.tools.builtin;

/**
 * Where a text holds a string, overlapping ones counted, found in one pass however both repeat (Knuth-Morris-Pratt):
 * String.indexOf takes the text's length times the string's on "aaa...a", which the model can send.
 *
 * @param first where the first occurrence starts, or -1
 * @param count how many there are
 */
record Occurrences(int first, int count) {
    static Occurrences of(String text, String string) {
        int[] fallback = fallback(string);
        int first = -1;
        int count = 0;
        int matched = 0;
        for (int i = 0; i < text.length(); i++) {
            while (matched > 0 && text.charAt(i) != string.charAt(matched)) {
                matched = fallback[matched - 1];
            }
            if (text.charAt(i) == string.charAt(matched)) {
                matched++;
            }
            if (matched == string.length()) {
                first = count++ == 0 ? i - matched + 1 : first;
                matched = fallback[matched - 1];
            }
        }
        return new Occurrences(first, count);
    }

    // For each prefix of the string, the length of its longest proper prefix that is also its suffix.
    private static int[] fallback(String string) {
        int[] fallback = new int[string.length()];
        for (int i = 1, length = 0; i < string.length(); i++) {
            while (length > 0 && string.charAt(i) != string.charAt(length)) {
                length = fallback[length - 1];
            }
            if (string.charAt(i) == string.charAt(length)) {
                length++;
            }
            fallback[i] = length;
        }
        return fallback;
    }
}
