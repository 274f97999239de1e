package dev.cachet.context.strategy.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.CacheRates;
import dev.cachet.context.strategy.CacheReliability;
import dev.cachet.context.window.Breakpoint;
import dev.cachet.context.window.Segment;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Prices worked out by hand, at Anthropic's rates: a cache write costs 1.25 input tokens, a read 0.1. */
class CompactionPricerTest {
    private static final double EXACT = 1e-9;
    private static final Message SYSTEM = new SystemText("system");
    private static final Message READ = new UserText("a large read");
    private static final Message READ_MASKED = new UserText("[masked read]");
    private static final Message EDIT = new UserText("an edit");
    private static final Message LOG = new UserText("a test log");
    private static final Message LOG_MASKED = new UserText("[masked log]");
    private static final Message NEW = new UserText("what this turn appends");

    private final CacheReliability reliability = new CacheReliability();
    private final CompactionPricer pricer = new CompactionPricer(reliability);

    /** One message and its token count, as a one-message segment. */
    private static Segment sized(Message message, int tokens) {
        return new Segment(SegmentKind.HISTORY, List.of(message), tokens);
    }

    /** A window of these segments, with a breakpoint after each of the given counts of messages. */
    private static Window window(List<Segment> segments, List<Integer> breakpointsAfter) {
        List<Breakpoint> breakpoints = breakpointsAfter.stream().map(after -> new Breakpoint(after,
                segments.subList(0, after).stream().mapToInt(Segment::tokens).sum(), "prefix of " + after)).toList();
        return new Window(List.of(), 0, segments, breakpoints, "whole", Optional.empty());
    }

    /**
     * The price of sending {@code compacted} in the turn that appends {@code appended} to what the previous request
     * sent, which ended its cached prefixes after the {@code warm} counts of messages. The breakpoints of the windows
     * of this turn do not matter: only those already in the cache can be read.
     */
    private Optional<CompactionPrice> price(List<Segment> sent, List<Integer> warm, Segment appended,
            List<Segment> compacted) {
        List<Segment> now = new ArrayList<>(sent);
        now.add(appended);
        return pricer.price(CacheRates.ANTHROPIC, window(sent, warm), window(now, List.of()), window(compacted, List.of()),
                false);
    }

    /** Prices are sums of products of 0.1 and 1.25, so they match the hand-worked ones up to rounding. */
    private static void assertPrice(Optional<CompactionPrice> price, CompactionPrice expected) {
        assertThat(price).get().usingRecursiveComparison()
                .withEqualsForType((a, b) -> Math.abs(a - b) < EXACT, Double.class)
                .isEqualTo(expected);
    }

    @Test
    void masking_an_old_read_rewrites_everything_after_the_system_prompt() {
        List<Segment> sent = List.of(sized(SYSTEM, 1_000), sized(READ, 4_000), sized(EDIT, 2_000));
        List<Segment> compacted = List.of(sized(SYSTEM, 1_000), sized(READ_MASKED, 100), sized(EDIT, 2_000),
                sized(NEW, 500));

        // removed: 7,500 - 3,600 = 3,900. The read is message 1; the only warm breakpoint at or before it holds 1,000.
        // without: 7,000 read + 500 written = 7,000 × 0.1 + 500 × 1.25 = 700 + 625 = 1,325
        // with:    1,000 read + 2,600 written = 1,000 × 0.1 + 2,600 × 1.25 = 100 + 3,250 = 3,350
        // extra:   3,350 - 1,325 = 2,025; rent: 3,900 × 0.1 = 390 a turn
        assertPrice(price(sent, List.of(1, 3), sized(NEW, 500), compacted), new CompactionPrice(3_900, 1_000, 2_025, 390));
    }

    /** The first test's mask of the read, 7,500 tokens now and 3,600 with the read masked, at {@code rates}. */
    private Optional<CompactionPrice> maskingTheRead(CacheRates rates) {
        List<Segment> sent = List.of(sized(SYSTEM, 1_000), sized(READ, 4_000), sized(EDIT, 2_000));
        List<Segment> now = new ArrayList<>(sent);
        now.add(sized(NEW, 500));
        List<Segment> compacted = List.of(sized(SYSTEM, 1_000), sized(READ_MASKED, 100), sized(EDIT, 2_000),
                sized(NEW, 500));
        return pricer.price(rates, window(sent, List.of(1, 3)), window(now, List.of()), window(compacted, List.of()),
                false);
    }

    private static CacheRates anthropicDoubleAbove(long tokens) {
        return new CacheRates(1.25, 0.10, CacheRates.DEFAULT_TTL, Optional.of(new CacheRates.LongPrompt(tokens, 2.0)));
    }

    @Test
    void a_compaction_that_brings_the_window_under_the_long_prompt_threshold_saves_its_premium_on_every_kept_token() {
        // The 7,500-token window passes 6,000 and bills double; the 3,600-token one does not.
        // without: (7,000 × 0.1 + 500 × 1.25) × 2 = 2,650; with: 1,000 × 0.1 + 2,600 × 1.25 = 3,350; extra 700
        // rent: 3,900 × 0.1 × 2 + 3,600 × 0.1 × (2 - 1) = 780 + 360 = 1,140 a turn, against 390 without the tier
        assertPrice(maskingTheRead(anthropicDoubleAbove(6_000)), new CompactionPrice(3_900, 1_000, 700, 1_140));
    }

    @Test
    void a_tier_no_window_passes_prices_to_the_bit_as_no_tier_and_one_both_pass_scales_the_whole_price() {
        assertThat(anthropicDoubleAbove(7_500).factor(7_500)).isEqualTo(1.0);
        assertThat(maskingTheRead(anthropicDoubleAbove(7_500))).isEqualTo(maskingTheRead(CacheRates.ANTHROPIC));
        // Both windows past it: every figure doubles, as the price list does.
        assertPrice(maskingTheRead(anthropicDoubleAbove(3_000)), new CompactionPrice(3_900, 1_000, 4_050, 780));
    }

    @Test
    void a_provider_that_served_half_its_cache_makes_the_same_mask_pay_this_very_turn() {
        reliability.served(7_000, 0);
        List<Segment> sent = List.of(sized(SYSTEM, 1_000), sized(READ, 4_000), sized(EDIT, 2_000));
        List<Segment> compacted = List.of(sized(SYSTEM, 1_000), sized(READ_MASKED, 100), sized(EDIT, 2_000),
                sized(NEW, 500));

        // One call served nothing, the promise counts as one like it served in full: a cached token costs
        // 0.5 × 0.1 + 0.5 × 1.25 = 0.675.
        // without: 7,000 × 0.675 + 500 × 1.25 = 4,725 + 625 = 5,350
        // with:    1,000 × 0.675 + 2,600 × 1.25 = 675 + 3,250 = 3,925
        // extra:   3,925 - 5,350 = -1,425; rent: 3,900 × 0.675 = 2,632.5 a turn
        assertPrice(price(sent, List.of(1, 3), sized(NEW, 500), compacted),
                new CompactionPrice(3_900, 1_000, -1_425, 2_632.5));
    }

    @Test
    void after_the_cache_expired_a_compaction_only_makes_the_rewrite_smaller() {
        List<Segment> sent = List.of(sized(SYSTEM, 1_000), sized(READ, 4_000), sized(EDIT, 2_000));
        List<Segment> now = List.of(sized(SYSTEM, 1_000), sized(READ, 4_000), sized(EDIT, 2_000), sized(NEW, 500));
        List<Segment> compacted = List.of(sized(SYSTEM, 1_000), sized(READ_MASKED, 100), sized(EDIT, 2_000),
                sized(NEW, 500));

        // Nothing is warm: without, all 7,500 written = 9,375; with, all 3,600 written = 4,500.
        // extra: 4,500 - 9,375 = -4,875 (it saves this turn); rent: 3,900 × 0.1 = 390 a turn; nothing kept.
        Optional<CompactionPrice> price = pricer.price(CacheRates.ANTHROPIC, window(sent, List.of(1, 3)), window(now, List.of()),
                window(compacted, List.of()), true);

        assertPrice(price, new CompactionPrice(3_900, 0, -4_875, 390));
        assertThat(price.get().pays(0, 1)).isTrue();
    }

    @Test
    void a_compaction_after_the_frontier_keeps_the_prefix_up_to_it() {
        List<Segment> sent = List.of(sized(SYSTEM, 1_000), sized(READ, 4_000), sized(EDIT, 2_000), sized(LOG, 500));
        List<Segment> compacted = List.of(sized(SYSTEM, 1_000), sized(READ, 4_000), sized(EDIT, 2_000),
                sized(LOG_MASKED, 50), sized(NEW, 300));

        // removed: 7,800 - 7,350 = 450. The log is message 3; the breakpoint after 3 messages holds 7,000.
        // without: 7,500 read + 300 written = 7,500 × 0.1 + 300 × 1.25 = 750 + 375 = 1,125
        // with:    7,000 read + 350 written = 7,000 × 0.1 + 350 × 1.25 = 700 + 437.5 = 1,137.5
        // extra:   1,137.5 - 1,125 = 12.5; rent: 450 × 0.1 = 45 a turn
        assertPrice(price(sent, List.of(1, 3, 4), sized(NEW, 300), compacted), new CompactionPrice(450, 7_000, 12.5, 45));
    }

    @Test
    void a_change_before_every_warm_breakpoint_keeps_nothing() {
        List<Segment> sent = List.of(sized(SYSTEM, 1_000), sized(READ, 4_000));
        List<Segment> compacted = List.of(sized(new SystemText("a shorter system prompt"), 600), sized(READ_MASKED, 100),
                sized(NEW, 500));

        // removed: 5,500 - 1,200 = 4,300, a rent of 4,300 × 0.1 = 430 a turn; kept 0, so all 1,200 are written.
        // without: 5,000 × 0.1 + 500 × 1.25 = 500 + 625 = 1,125; with: 1,200 × 1.25 = 1,500; extra: 375
        assertPrice(price(sent, List.of(1, 2), sized(NEW, 500), compacted), new CompactionPrice(4_300, 0, 375, 430));
    }

    @Test
    void a_compaction_that_removes_nothing_has_no_price() {
        List<Segment> sent = List.of(sized(SYSTEM, 1_000), sized(READ, 40));

        assertThat(price(sent, List.of(1, 2), sized(NEW, 500),
                List.of(sized(SYSTEM, 1_000), sized(READ_MASKED, 60), sized(NEW, 500)))).isEmpty();
        assertThat(price(sent, List.of(1, 2), sized(NEW, 500),
                List.of(sized(SYSTEM, 1_000), sized(READ, 40), sized(NEW, 500)))).isEmpty();
    }

    @Test
    void pays_once_the_rent_paid_and_the_rent_expected_each_cover_the_cost() {
        CompactionPrice price = new CompactionPrice(3_900, 1_000, 2_025, 390);

        // Five turns of rent: 5 × 390 = 1,950 < 2,025. Six: 6 × 390 = 2,340 >= 2,025.
        assertThat(price.pays(5 * 390.0, 100)).isFalse();
        assertThat(price.pays(6 * 390.0, 6)).isTrue();
        assertThat(price.pays(6 * 390.0, 5)).as("five turns left bring in only 1,950").isFalse();
    }

    @Test
    void a_compaction_that_makes_this_turn_cheaper_always_pays() {
        assertThat(new CompactionPrice(100, 0, 0, 10).pays(0, 1)).isTrue();
        assertThat(new CompactionPrice(100, 0, -5, 10).pays(0, 1)).isTrue();
    }

    @Test
    void the_predicted_net_saving_is_the_rent_of_the_remaining_turns_less_the_cost() {
        // 10 turns × 390 - 2,025 = 3,900 - 2,025 = 1,875
        assertThat(new CompactionPrice(3_900, 1_000, 2_025, 390).predictedNetSaving(10)).isCloseTo(1_875, within(EXACT));
    }
}
