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
import java.util.Map;
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
        Map<byte[], Integer> ranks = O200kEncoding.ranks("IQ== 0\naGk= 17\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(ranks).hasSize(2);
        assertThat(ranks).anySatisfy((token, rank) -> {
            assertThat(token).isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
            assertThat(rank).isEqualTo(17);
        });
    }

    @Test
    void a_line_without_a_rank_is_an_error_naming_it() {
        assertThatThrownBy(() -> O200kEncoding.ranks("IQ== 0\naGk=\n".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage(O200kEncoding.RANKS + ":2: not '<base64 token> <rank>'");
        assertThatThrownBy(() -> O200kEncoding.ranks("IQ== 1x\n".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage(O200kEncoding.RANKS + ":1: not a rank");
        assertThatThrownBy(() -> O200kEncoding.ranks("IQ== \n".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage(O200kEncoding.RANKS + ":1: not a rank");
    }
}
