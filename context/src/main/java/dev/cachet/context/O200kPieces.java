package dev.cachet.context;

/**
 * o200k_base's pre-tokenizer (the regex jtokkit 1.1.0 splits text with before byte-pair encoding) written out by hand
 * for text of ASCII and symbols, where it is the bulk of the work of counting tokens. Alternatives of the regex, in
 * its order:
 *
 * <pre>
 * 1, 2  [^\r\n\p{L}\p{N}]?  upper* lower+ | upper+ lower*  (?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * 3     \p{N}{1,3}
 * 4      ?[^\s\p{L}\p{N}]+[\r\n/]*
 * 5     \s*[\r\n]+
 * 6     \s+(?!\S)
 * 7     \s+
 * </pre>
 *
 * In ASCII the letters are A-Z and a-z, the digits 0-9 and the whitespace tab through carriage return and space.
 * Symbols are the characters outside ASCII but in the Basic Multilingual Plane that are punctuation, math, currency
 * or other symbols (the arrows of Claude Code's line numbers, box drawing, dashes, check marks): like ASCII
 * punctuation, the regex sees neither letter, digit, mark nor whitespace in them.
 */
final class O200kPieces {
    private static final int SYMBOL_TYPES = 1 << Character.MATH_SYMBOL | 1 << Character.CURRENCY_SYMBOL
            | 1 << Character.MODIFIER_SYMBOL | 1 << Character.OTHER_SYMBOL | 1 << Character.DASH_PUNCTUATION
            | 1 << Character.START_PUNCTUATION | 1 << Character.END_PUNCTUATION
            | 1 << Character.CONNECTOR_PUNCTUATION | 1 << Character.OTHER_PUNCTUATION
            | 1 << Character.INITIAL_QUOTE_PUNCTUATION | 1 << Character.FINAL_QUOTE_PUNCTUATION;

    private O200kPieces() {}

    /** Whether {@link #pieceEnd} splits text with this character in it: ASCII and symbols. */
    static boolean splitsByHand(char c) {
        return c < 0x80 || (SYMBOL_TYPES >> Character.getType(c) & 1) != 0;
    }

    /**
     * Where the piece that starts at {@code start} ends, in text that ends at {@code end}. The piece's first character
     * must be one that {@link #splitsByHand}; any other ends it, so that a caller meets each such character first in a
     * piece.
     */
    static int pieceEnd(char[] text, int start, int end) {
        char first = text[start];
        int next = start + 1;
        if (isLetter(first)) {
            return wordEnd(text, start, end);
        }
        if (next < end && isLetter(text[next]) && first != '\r' && first != '\n' && !isDigit(first)) {
            return wordEnd(text, next, end);
        }
        if (isDigit(first)) {
            int last = Math.min(end, start + 3);
            int i = next;
            while (i < last && isDigit(text[i])) {
                i++;
            }
            return i;
        }
        if (isPunctuation(first)) {
            return punctuationEnd(text, next, end);
        }
        if (first == ' ' && next < end && isRunPunctuation(text[next])) {
            return punctuationEnd(text, next + 1, end);
        }
        return whitespaceEnd(text, start, end);
    }

    /**
     * Whether a piece starts at {@code i} whatever came before, so that the text from {@code i} to {@code end} splits
     * alone as it does within the whole: true after a line break followed by spaces or tabs, if any, and then an ASCII
     * character that is no whitespace (nor a slash right after the break, which alternative 4 would take with it).
     */
    static boolean startsChunk(char[] text, int i, int end) {
        if (text[i - 1] != '\n' || text[i] == '/') {
            return false;
        }
        int j = i;
        while (j < end && (text[j] == ' ' || text[j] == '\t')) {
            j++;
        }
        return j == end || text[j] < 0x80 && !isWhitespace(text[j]);
    }

    /** Alternatives 1 and 2 from the first letter: the upper case run, the lower case run, a contraction. */
    private static int wordEnd(char[] text, int start, int end) {
        int i = start;
        while (i < end && isUpper(text[i])) {
            i++;
        }
        while (i < end && isLower(text[i])) {
            i++;
        }
        if (i + 1 >= end || text[i] != '\'') {
            return i;
        }
        char second = lowerCase(text[i + 1]);
        if (second == 's' || second == 't' || second == 'm' || second == 'd') {
            return i + 2;
        }
        if (i + 2 < end) {
            char third = lowerCase(text[i + 2]);
            if (second == 'r' && third == 'e' || second == 'v' && third == 'e' || second == 'l' && third == 'l') {
                return i + 3;
            }
        }
        return i;
    }

    /**
     * Alternative 4 from its second character: the rest of the punctuation run, then line breaks and slashes; a
     * character not split by hand ends it.
     */
    private static int punctuationEnd(char[] text, int from, int end) {
        int i = from;
        while (i < end && isRunPunctuation(text[i])) {
            i++;
        }
        while (i < end && (text[i] == '\r' || text[i] == '\n' || text[i] == '/')) {
            i++;
        }
        return i;
    }

    /**
     * Alternatives 5 to 7: up to the run's last line break if it has one; else the whole run at the end of the text
     * or when it is one character long; else all of it but the last character, which goes with what follows.
     */
    private static int whitespaceEnd(char[] text, int start, int end) {
        int runEnd = start;
        int lastBreak = -1;
        while (runEnd < end && isWhitespace(text[runEnd])) {
            if (text[runEnd] == '\r' || text[runEnd] == '\n') {
                lastBreak = runEnd;
            }
            runEnd++;
        }
        if (lastBreak >= 0) {
            return lastBreak + 1;
        }
        return runEnd == end || runEnd - start == 1 ? runEnd : runEnd - 1;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isLetter(char c) {
        return isLower(c) || isUpper(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /** ASCII punctuation and control characters, and symbols, the only other characters here. */
    private static boolean isPunctuation(char c) {
        return !isWhitespace(c) && !isLetter(c) && !isDigit(c);
    }

    /** Punctuation that a run takes in: a character not split by hand ends the run, to start a piece of its own. */
    private static boolean isRunPunctuation(char c) {
        return isPunctuation(c) && splitsByHand(c);
    }

    /** The lower case of an ASCII letter; other characters become no ASCII letter. */
    private static char lowerCase(char c) {
        return (char) (c | 0x20);
    }
}
