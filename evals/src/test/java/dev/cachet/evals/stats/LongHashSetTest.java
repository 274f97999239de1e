package dev.cachet.evals.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LongHashSetTest {
    @Test
    void adds_what_a_hash_set_adds_zero_and_repeats_included() {
        Random random = new Random(3);
        LongHashSet set = new LongHashSet();
        Set<Long> reference = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            // Few distinct values, so that many are repeats; zero among them.
            long key = random.nextInt(4) == 0 ? random.nextInt(1_000) : random.nextLong() >>> random.nextInt(64);
            assertThat(set.add(key)).as("key %d", key).isEqualTo(reference.add(key));
        }
        assertThat(reference).contains(0L);
    }

    @Test
    void keys_that_share_their_low_bits_are_all_kept() {
        LongHashSet set = new LongHashSet();
        for (long high = 1; high <= 10_000; high++) {
            assertThat(set.add(high << 32)).isTrue();
        }
        for (long high = 1; high <= 10_000; high++) {
            assertThat(set.add(high << 32)).isFalse();
        }
    }

    @Test
    void a_set_sized_for_its_keys_takes_them_all_in_the_array_it_starts_with_filled_to_three_quarters() {
        LongHashSet sized = new LongHashSet(3_000);
        LongHashSet grown = new LongHashSet();
        for (long key = 1; key <= 3_000; key++) {
            sized.add(key * 0x9E3779B97F4A7C15L);
            grown.add(key * 0x9E3779B97F4A7C15L);
        }

        assertThat(sized.capacity()).isEqualTo(4_096);
        assertThat(grown.capacity()).isEqualTo(4_096);
        assertThat(new LongHashSet(3_073).capacity()).isEqualTo(8_192);
    }
}
