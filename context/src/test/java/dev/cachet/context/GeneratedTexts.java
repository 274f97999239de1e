package dev.cachet.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random texts with a fixed seed, built from the fragments where o200k's pre-tokenizer has a rule: case runs,
 * contractions, digit runs, punctuation runs before line breaks and slashes, whitespace runs with and without line
 * breaks, symbols beyond ASCII, and the Unicode that the fast path must leave to jtokkit (letters, marks, titlecase,
 * other digits, surrogate pairs, Unicode spaces, the long s that matches {@code 's} case-insensitively).
 */
final class GeneratedTexts {
    private static final String[] ASCII = {
        "a", "Z", "the", "The", "THE", "HTTPServer", "camelCase", "snake_case", "x1", "don't", "DON'T", "I'm", "we'RE",
        "they've", "you'll", "he'd", "it's", "'s", "'", "''", "1", "12", "123", "1234567", "3.14", "-", ".", "...",
        "(", ")", "{\"k\":", "\"v\"}", "/", "//", "/*", "*/", "#", "==", "->", "<|endoftext|>", " ", "  ", "    ", "\t",
        "\t\t", "\n", "\n\n", "\r\n", " \n", "\n ", "\n    ", ".\n/", "\n/", "\u000B", "\f", "\u0000", "\u001F",
        "\u007F", "~", "`", "@", "\\", "|", "_", "$"};
    private static final String[] SYMBOLS = {
        "→", "     12→", "─", "│", "└──", "—", "✓", "✅", "…", "’", "«", "»", "€", "±", "·", "§", "\u2060", "\uFFFD"};
    private static final String[] UNICODE = {
        "é", "Ünïcödé", "straße", "日本語", "한국어", "😀", "👍🏽", "𝔘", "e\u0301", "\u0301", "ǅ", "ʰ", "Ⅻ", "²", "٣",
        "\u00A0", "\u3000", "\u2028", "\u0085", "'ſ", "\u212A", "—", "«»", "\uD800", "İ"};

    private GeneratedTexts() {}

    /** {@code count} texts of mostly ASCII fragments, a third with symbols mixed in, a third with other Unicode. */
    static List<String> mixed(long seed, int count) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean unicode = i % 3 == 0;
            boolean symbols = i % 3 == 1;
            StringBuilder text = new StringBuilder();
            int fragments = random.nextInt(40);
            for (int f = 0; f < fragments; f++) {
                String[] pool = random.nextInt(4) > 0 ? ASCII : unicode ? UNICODE : symbols ? SYMBOLS : ASCII;
                text.append(pool[random.nextInt(pool.length)]);
            }
            texts.add(text.toString());
        }
        return texts;
    }

    /** {@code count} texts of single ASCII characters drawn uniformly, each up to {@code maxLength} long. */
    static List<String> asciiChars(long seed, int count, int maxLength) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            char[] chars = new char[random.nextInt(maxLength + 1)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = (char) random.nextInt(128);
            }
            texts.add(new String(chars));
        }
        return texts;
    }

    /** Texts from a small alphabet heavy in whitespace, line breaks and digits, where the rules meet most often. */
    static List<String> whitespaceAndDigits(long seed, int count) {
        Random random = new Random(seed);
        String alphabet = "  \t\n\r/.'sa1A0";
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            char[] chars = new char[random.nextInt(30)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            texts.add(new String(chars));
        }
        return texts;
    }

    /** A text for a failure message: escaped where not printable ASCII, and cut after 300 characters. */
    static String shown(String text) {
        String head = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        StringBuilder out = new StringBuilder("\"");
        head.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c)
                : Character.toString(c)));
        return out.append('"').toString();
    }
}
