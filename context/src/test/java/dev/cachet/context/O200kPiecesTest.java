package dev.cachet.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class O200kPiecesTest {
    /** jtokkit 1.1.0's o200k_base pre-tokenizer, as its EncodingFactory compiles it. */
    private static final Pattern JTOKKIT = Pattern.compile(String.join("|",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}", " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*", "\\s*[\\r\\n]+", "\\s+(?!\\S)", "\\s+"),
            Pattern.UNICODE_CHARACTER_CLASS);

    @Test
    void splits_ascii_and_symbols_where_jtokkit_s_regex_does() {
        List<String> texts = new ArrayList<>(GeneratedTexts.asciiChars(31, 10_000, 30));
        texts.addAll(GeneratedTexts.whitespaceAndDigits(32, 10_000));
        texts.addAll(GeneratedTexts.mixed(33, 10_000).stream().filter(O200kPiecesTest::byHand).toList());

        for (String text : texts) {
            assertThat(pieces(text)).as("pieces of %s", GeneratedTexts.shown(text))
                    .isEqualTo(regexPieces(text, 0, text.length()));
        }
    }

    @Test
    void a_chunk_ends_where_the_regex_ends_a_piece_and_splits_alone_as_within_the_text() {
        List<String> texts = new ArrayList<>(GeneratedTexts.mixed(34, 10_000));
        texts.addAll(GeneratedTexts.whitespaceAndDigits(35, 10_000));

        for (String text : texts) {
            List<String> whole = regexPieces(text, 0, text.length());
            List<String> chunked = new ArrayList<>();
            char[] chars = text.toCharArray();
            int start = 0;
            for (int i = 1; i < chars.length; i++) {
                if (O200kPieces.startsChunk(chars, i, chars.length)) {
                    chunked.addAll(regexPieces(text, start, i));
                    start = i;
                }
            }
            chunked.addAll(regexPieces(text, start, text.length()));
            assertThat(chunked).as("pieces of %s", GeneratedTexts.shown(text)).isEqualTo(whole);
        }
    }

    @Test
    void splits_by_hand_ascii_and_symbols_only() {
        assertThat("a1 \n\u0000→─—✓’«€".chars()).allMatch(c -> O200kPieces.splitsByHand((char) c.intValue()));
        assertThat("éß日\u0301ǅʰ²٣\u00A0\u3000\u2028\u0085ſ\u212A\uD83D\uDE00\uE000".chars())
                .noneMatch(c -> O200kPieces.splitsByHand((char) c.intValue()));
    }

    @Test
    void starts_a_chunk_only_after_a_line_break() {
        assertThat(O200kPieces.startsChunk("a\nb".toCharArray(), 2, 3)).isTrue();
        assertThat(O200kPieces.startsChunk("a\n  b".toCharArray(), 2, 5)).isTrue();
        assertThat(O200kPieces.startsChunk("ab".toCharArray(), 1, 2)).isFalse();
        assertThat(O200kPieces.startsChunk(".\n/".toCharArray(), 2, 3)).isFalse();
        assertThat(O200kPieces.startsChunk("a\n \nb".toCharArray(), 2, 5)).isFalse();
    }

    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        char[] chars = text.toCharArray();
        for (int start = 0; start < chars.length; ) {
            int end = O200kPieces.pieceEnd(chars, start, chars.length);
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }

    private static List<String> regexPieces(String text, int start, int end) {
        Matcher matcher = JTOKKIT.matcher(text.substring(start, end));
        List<String> pieces = new ArrayList<>();
        while (matcher.find()) {
            pieces.add(matcher.group());
        }
        return pieces;
    }

    private static boolean byHand(String text) {
        return text.chars().allMatch(c -> O200kPieces.splitsByHand((char) c));
    }
}
