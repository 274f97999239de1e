package dev.cachet.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LazyTextTokensTest {
    private final AtomicInteger made = new AtomicInteger();
    private final LazyTextTokens tokens = new LazyTextTokens(() -> {
        made.incrementAndGet();
        return String::length;
    });

    @Test
    void makes_nothing_until_the_first_count() {
        assertThat(made).hasValue(0);
        tokens.count("a");
        assertThat(made).hasValue(1);
    }

    @Test
    void makes_its_counter_once_however_many_threads_count() {
        int total = IntStream.range(0, 1_000).parallel().map(i -> tokens.count("abc")).sum();

        assertThat(total).isEqualTo(3_000);
        assertThat(made).hasValue(1);
    }

    @Test
    void counts_chars_as_the_counter_it_made_does() {
        assertThat(tokens.count("hello world".toCharArray(), 6, 11)).isEqualTo(5);
    }
}
