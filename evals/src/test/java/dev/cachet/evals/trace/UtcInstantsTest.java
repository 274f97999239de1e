package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UtcInstantsTest {
    @Test
    void parses_what_instant_parse_parses_and_refuses_what_it_refuses() {
        List<String> texts = List.of("2026-03-01T10:00:01Z", "2026-03-01T10:00:01.5Z", "2026-03-01T10:00:01.123456789Z",
                "2024-02-29T23:59:59.999Z", "2023-02-29T00:00:00Z", "2026-02-30T00:00:00Z", "2026-04-31T00:00:00Z",
                "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z",
                "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z", "2026-01-01T10:00:00.Z", "2026-01-01T10:00:00.1234567890Z",
                "2026-01-01T10:00:00+01:00", "2026-01-01T10:00:00", "2026-01-01 10:00:00Z", "+12026-01-01T10:00:00Z",
                "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
                "2026-1-01T10:00:00Z", "2026-01-01T10:00:0aZ", "", "yesterday", "2026-01-01t10:00:00z");
        for (String text : texts) {
            assertSameAsInstantParse(text);
        }
        Random random = new Random(19);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong() % 8_000_000_000L;
            Instant at = Instant.ofEpochSecond(seconds, random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            assertSameAsInstantParse(at.toString());
        }
    }

    private static void assertSameAsInstantParse(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThat(catchThrowable(() -> UtcInstants.parse(text))).as(text)
                    .isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(UtcInstants.parse(text)).as(text).isEqualTo(expected);
    }
}
