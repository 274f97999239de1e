package dev.cachet.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast-read o200k encodes, counts and decodes as jtokkit's own o200k_base. */
class O200kEncodingTest {
    private static final Encoding JTOKKIT = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final Encoding FAST = O200kEncoding.read();

    @Test
    void every_token_has_jtokkits_bytes() {
        for (int token = 0; token < 200_019; token++) {
            if (token >= 199_998 && token != 199_999 && token != 200_018) {
                continue; // o200k_base has no tokens between its ranked ones and its two special ones
            }
            IntArrayList one = new IntArrayList();
            one.add(token);
            assertThat(FAST.decodeBytes(one)).as("token %d", token).isEqualTo(JTOKKIT.decodeBytes(one));
        }
    }

    @Test
    void the_rank_table_finds_every_token_at_its_rank_wherever_its_bytes_stand() {
        O200kRanks ranks = O200kRanks.bundled();
        for (int token = 0; token < 199_998; token++) {
            IntArrayList one = new IntArrayList();
            one.add(token);
            byte[] bytes = JTOKKIT.decodeBytes(one);
            byte[] inside = new byte[bytes.length + 2];
            System.arraycopy(bytes, 0, inside, 1, bytes.length);
            assertThat(ranks.rank(bytes, 0, bytes.length)).as("token %d", token).isEqualTo(token);
            assertThat(ranks.rank(inside, 1, bytes.length + 1)).as("token %d inside", token).isEqualTo(token);
        }
        assertThat(ranks.rank("no token is this".getBytes(StandardCharsets.UTF_8), 0, 16)).isEqualTo(O200kRanks.NONE);
    }

    @Test
    void encodes_and_counts_varied_texts_as_jtokkit_does() {
        List<String> texts = new ArrayList<>(GeneratedTexts.mixed(31, 5_000));
        texts.addAll(GeneratedTexts.whitespaceAndDigits(32, 2_000));
        texts.addAll(List.of("Grüße aus Köln — 東京都の天気は？ 🌧️ 42°C", "def f(x):\n    return x ** 2  # ²\n",
                "Ελληνικά, русский, עברית, العربية, हिन्दी", "<|endoftext|> and <|endofprompt|>", ""));

        for (String text : texts) {
            assertThat(FAST.encodeOrdinary(text).boxed()).as(text).isEqualTo(JTOKKIT.encodeOrdinary(text).boxed());
            assertThat(encoded(FAST, text)).as(text).isEqualTo(encoded(JTOKKIT, text));
            assertThat(FAST.countTokensOrdinary(text)).as(text).isEqualTo(JTOKKIT.countTokensOrdinary(text));
        }
        assertThat(FAST.getName()).isEqualTo(JTOKKIT.getName());
    }

    @Test
    void counts_without_building_jtokkits_tables() {
        Encoding counting = new O200kEncoding(O200kRanks.bundled(), () -> {
            throw new AssertionError("counting built jtokkit's encoding");
        });
        List<String> texts = new ArrayList<>(GeneratedTexts.mixed(33, 3_000));
        texts.addAll(GeneratedTexts.asciiChars(34, 3_000, 40));

        for (String text : texts) {
            assertThat(counting.countTokensOrdinary(text)).as(text).isEqualTo(JTOKKIT.countTokensOrdinary(text));
        }
    }

    @Test
    void counts_long_pieces_as_jtokkit_does() {
        // Past 500 bytes jtokkit merges a piece another way; the count is the same byte-pair encoding.
        for (String text : List.of("x".repeat(5_000), " ".repeat(3_000) + "x", "\n".repeat(2_000), "ab".repeat(900),
                "1".repeat(1_000), ".".repeat(4_000) + "\n/\n/", "東京都の天気".repeat(200), "aé".repeat(700),
                "Zz".repeat(20_000))) {
            assertThat(FAST.countTokensOrdinary(text)).isEqualTo(JTOKKIT.countTokensOrdinary(text));
        }
    }

    /** The tokens, or the refusal: jtokkit will not encode a text holding a special token. */
    private static Object encoded(Encoding encoding, String text) {
        try {
            return encoding.encode(text).boxed();
        } catch (UnsupportedOperationException e) {
            return e.getMessage();
        }
    }

    @Test
    void reads_a_rank_file_line_by_line() {
        O200kRanks ranks = O200kRanks.parse("IQ== 0\naGk= 1\n".getBytes(StandardCharsets.US_ASCII));
        byte[] text = "!hi".getBytes(StandardCharsets.US_ASCII);

        assertThat(ranks.size()).isEqualTo(2);
        assertThat(ranks.rank(text, 1, 3)).isEqualTo(1);
        assertThat(ranks.rank(text, 0, 1)).isEqualTo(0);
        assertThat(ranks.rank(text, 0, 2)).isEqualTo(O200kRanks.NONE);
        assertThat(ranks.asMap()).hasSize(2).anySatisfy((token, rank) -> {
            assertThat(token).isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
            assertThat(rank).isEqualTo(1);
        });
    }

    @Test
    void a_line_without_a_rank_is_an_error_naming_it() {
        assertThatThrownBy(() -> O200kRanks.parse("IQ== 0\naGk=\n".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage(O200kRanks.FILE + ":2: not '<base64 token> <rank>'");
        assertThatThrownBy(() -> O200kRanks.parse("IQ== 1x\n".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage(O200kRanks.FILE + ":1: not a rank");
        assertThatThrownBy(() -> O200kRanks.parse("IQ== \n".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage(O200kRanks.FILE + ":1: not a rank");
    }

    @Test
    void a_rank_out_of_line_order_is_an_error_naming_it() {
        // The table keeps each token at its rank: o200k's file lists ranks 0, 1, 2, ... in order.
        assertThatThrownBy(() -> O200kRanks.parse("IQ== 0\naGk= 17\n".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage(O200kRanks.FILE + ":2: rank 17 where 1 was due");
    }
}
