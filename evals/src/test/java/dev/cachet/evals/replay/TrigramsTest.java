package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrigramsTest {
    private static final String OUTPUT = "Traceback (most recent call last):\n  File \"src/app/models.py\", line 42, in load\n"
            + "    return Schema.from_dict(raw)\nKeyError: 'user_id' — données ✓";

    @Test
    void every_part_of_the_texts_may_be_in_them() {
        Trigrams trigrams = Trigrams.of(List.of(OUTPUT, "{\"path\": \"src/app/views.py\"}"));
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            int start = random.nextInt(OUTPUT.length());
            String part = OUTPUT.substring(start, start + random.nextInt(OUTPUT.length() - start + 1));
            assertThat(trigrams.mayContain(part)).as(part).isTrue();
        }
        assertThat(trigrams.mayContain("src/app/views.py")).isTrue();
    }

    @Test
    void names_the_texts_do_not_hold_are_ruled_out() {
        Trigrams trigrams = Trigrams.of(List.of(OUTPUT));

        assertThat(List.of("src/app/serializers.py", "ValueError", "Schema.to_json", "tests/test_models.py"))
                .noneMatch(trigrams::mayContain);
    }

    @Test
    void a_name_shorter_than_a_trigram_is_never_ruled_out() {
        assertThat(Trigrams.of(List.of("")).mayContain("ab")).isTrue();
    }

    @Test
    void a_name_is_never_ruled_out_of_a_text_that_spans_many_filter_words() {
        StringBuilder text = new StringBuilder();
        Random random = new Random(3);
        while (text.length() < 200_000) {
            text.append(Long.toString(random.nextLong(), 36)).append(random.nextBoolean() ? '\n' : ' ');
        }
        Trigrams trigrams = Trigrams.of(List.of(text.toString()));
        for (int n = 0; n < 2_000; n++) {
            int start = random.nextInt(text.length() - 40);
            String part = text.substring(start, start + 3 + random.nextInt(37));
            assertThat(trigrams.mayContain(part)).as(part).isTrue();
        }
    }
}
