package dev.cachet.context;

import static org.assertj.core.api.Assertions.*;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeadTailBufferTest {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";

    private static HeadTailBuffer appendedOneByOne(int limit, String text) {
        HeadTailBuffer buffer = new HeadTailBuffer(limit);
        for (char c : text.toCharArray()) {
            buffer.append(String.valueOf(c));
        }
        return buffer;
    }

    @Test
    void keeps_everything_up_to_the_limit() {
        HeadTailBuffer buffer = new HeadTailBuffer(10);
        buffer.append("abc");
        buffer.append("");
        buffer.append("defg");
        buffer.append("hij");

        assertThat(buffer.truncated()).isFalse();
        assertThat(buffer).hasToString("abcdefghij");
    }

    @Test
    void one_character_over_the_limit_cuts_one() {
        assertThat(HeadTailBuffer.cap("abcdefghijk", 10)).isEqualTo("abcde\n[... 1 characters cut ...]\nghijk");
    }

    @Test
    void keeps_head_and_tail_across_many_small_appends() {
        HeadTailBuffer buffer = appendedOneByOne(10, ALPHABET);

        assertThat(buffer.truncated()).isTrue();
        assertThat(buffer).hasToString("abcde\n[... 16 characters cut ...]\nvwxyz");
    }

    @Test
    void gives_the_odd_character_of_the_limit_to_the_tail() {
        assertThat(HeadTailBuffer.cap(ALPHABET, 11)).isEqualTo("abcde\n[... 15 characters cut ...]\nuvwxyz");
    }

    @Test
    void small_appends_and_one_big_append_keep_the_same_text() {
        String text = IntStream.range(0, 5_000).mapToObj(i -> i + ",").collect(Collectors.joining());
        String expected = text.substring(0, 50) + "\n[... " + (text.length() - 100) + " characters cut ...]\n"
                + text.substring(text.length() - 50);

        assertThat(appendedOneByOne(100, text)).hasToString(expected);
        assertThat(HeadTailBuffer.cap(text, 100)).isEqualTo(expected);

        HeadTailBuffer chunked = new HeadTailBuffer(100);
        for (int i = 0; i < text.length(); i += 7) {
            chunked.append(text.subSequence(i, Math.min(text.length(), i + 7)));
        }
        assertThat(chunked).hasToString(expected);
    }

    @Test
    void a_text_that_fits_after_filling_the_head_is_not_truncated() {
        HeadTailBuffer buffer = new HeadTailBuffer(6);
        buffer.append("ab");
        buffer.append("cdef");

        assertThat(buffer.truncated()).isFalse();
        assertThat(buffer).hasToString("abcdef");
    }
}
