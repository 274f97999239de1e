package dev.cachet.evals.stats.report;

import static dev.cachet.evals.stats.report.ReportCalls.PRICER;
import static dev.cachet.evals.stats.report.ReportCalls.SMALL;
import static dev.cachet.evals.stats.report.ReportCalls.call;
import static dev.cachet.evals.stats.report.ReportCalls.cost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.evals.stats.Call;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlocksTest {
    @Test
    void a_block_starts_at_the_hour_and_a_call_five_hours_on_or_after_a_long_gap_starts_the_next() {
        List<Call> calls = List.of(
                call("a", "small", "2026-01-05T09:40:00Z", 1000, 100),
                // 4 h 50 min after 09:00, the block's start: the same block.
                call("a", "small", "2026-01-05T13:50:00Z", 1000, 100),
                // 5 h 10 min after 09:00: a new block from 14:00, although the call before was 20 minutes ago.
                call("a", "small", "2026-01-05T14:10:00Z", 1000, 100),
                // 6 hours after the call before: a new block from 20:00.
                call("b", "small", "2026-01-05T20:10:00Z", 1000, 100));

        List<Block> blocks = Blocks.of(calls, Instant.parse("2026-02-01T00:00:00Z"), PRICER);

        assertThat(blocks).extracting(b -> b.start().toString() + " " + b.calls())
                .containsExactly("2026-01-05T09:00:00Z 2", "2026-01-05T14:00:00Z 1", "2026-01-05T20:00:00Z 1");
        assertThat(blocks.get(0).end()).isEqualTo(Instant.parse("2026-01-05T14:00:00Z"));
        assertThat(blocks).noneMatch(Block::active);
        assertThat(blocks.get(0).costUsd()).isCloseTo(2 * cost(SMALL, 1000, 100), within(1e-12));
        assertThat(blocks.get(0).burn()).isEmpty();
    }

    @Test
    void the_active_block_burns_at_its_rate_so_far_and_projects_it_to_its_end() {
        List<Call> calls = List.of(
                call("a", "small", "2026-01-05T09:10:00Z", 60_000, 0),
                call("a", "small", "2026-01-05T09:40:00Z", 30_000, 0));
        Instant now = Instant.parse("2026-01-05T11:00:00Z");

        Block block = Blocks.of(calls, now, PRICER).get(0);

        assertThat(block.active()).isTrue();
        BurnRate burn = block.burn().orElseThrow();
        // 90,000 tokens over the 30 minutes from the first call to the last; $0.09 in those 30 minutes.
        assertThat(burn.tokensPerMinute()).isCloseTo(3_000, within(1e-9));
        assertThat(burn.usdPerHour()).isCloseTo(0.18, within(1e-12));
        // Three hours (180 minutes) left until 14:00.
        assertThat(burn.projectedTokens()).isEqualTo(90_000 + 180 * 3_000);
        assertThat(burn.projectedUsd()).isCloseTo(0.09 + 3 * 0.18, within(1e-12));
    }

    @Test
    void a_block_whose_end_has_passed_or_whose_last_call_is_five_hours_old_is_closed() {
        List<Call> calls = List.of(call("a", "small", "2026-01-05T09:10:00Z", 1000, 0));

        assertThat(Blocks.of(calls, Instant.parse("2026-01-05T13:59:00Z"), PRICER).get(0).active()).isTrue();
        assertThat(Blocks.of(calls, Instant.parse("2026-01-05T14:00:00Z"), PRICER).get(0).active()).isFalse();
    }
}
