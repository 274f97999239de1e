package dev.cachet.context.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.strategy.hybrid.HybridStrategy;
import dev.cachet.context.window.Breakpoint;
import dev.cachet.context.window.Compaction;
import dev.cachet.context.window.Prefixes;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cache property the append-only strategies promise: from one turn to the next, unless the next turn compacts,
 * everything up to the last breakpoint of a turn is sent again byte for byte, so the provider reads it from its cache.
 */
class PrefixStabilityTest {
    private static final TokenCounter COUNTER = TestSessions.COUNTER;

    static Stream<Arguments> sessions() {
        return Stream.of(
                Arguments.of(11L, 5, false),
                Arguments.of(12L, 17, true),
                Arguments.of(13L, 40, false),
                Arguments.of(14L, 60, true),
                Arguments.of(15L, 120, true),
                Arguments.of(16L, 150, false),
                Arguments.of(17L, 200, true),
                Arguments.of(18L, 200, false));
    }

    @ParameterizedTest(name = "seed {0}, {1} turns, bulky {2}")
    @MethodSource("sessions")
    void transcript_windows_resend_the_previous_prefix_byte_for_byte(long seed, int turns, boolean bulky) {
        List<Window> windows = render(f -> new TranscriptStrategy(f), seed, turns, bulky);

        assertThat(checkPrefixes(windows)).isEqualTo(turns);
    }

    @ParameterizedTest(name = "seed {0}, {1} turns, bulky {2}")
    @MethodSource("sessions")
    void hybrid_windows_resend_the_previous_prefix_byte_for_byte_between_compactions(long seed, int turns, boolean bulky) {
        // Keeping 12 turns from folds leaves bulky outputs for masks to take, so both kinds are exercised.
        List<Window> windows = render(f -> hybrid(f, Map.of("keep", 10, "keep_turns", 12)), seed, turns, bulky);

        int compactions = compactions(windows, "mask") + compactions(windows, "fold");
        assertThat(checkPrefixes(windows)).isEqualTo(turns - compactions);
        if (turns >= 120) {
            assertThat(compactions).as("compactions on a long session").isPositive();
        }
        if (turns >= 120 && bulky) {
            assertThat(compactions(windows, "mask")).as("mask compactions on a long session").isPositive();
        }
    }

    @ParameterizedTest(name = "seed {0}, {1} turns, bulky {2}")
    @MethodSource("sessions")
    void hybrid_windows_stay_stable_between_forced_folds(long seed, int turns, boolean bulky) {
        List<Window> windows = render(f -> hybrid(f, Map.of("max_window", 12_000, "keep_turns", 4)), seed, turns, bulky);

        int compactions = compactions(windows, "mask") + compactions(windows, "fold");
        assertThat(checkPrefixes(windows)).isEqualTo(turns - compactions);
        if (turns >= 120) {
            assertThat(compactions(windows, "fold")).as("folds on a long session").isGreaterThan(1);
            assertThat(windows.get(turns).tokens()).isLessThan(24_000);
        }
    }

    private static ContextStrategy hybrid(WindowFactory factory, Map<String, Integer> params) {
        return new HybridStrategy(factory, CacheRates.ANTHROPIC, java.time.Clock.systemUTC(), Strategies.byName("hybrid").orElseThrow().configure(params));
    }

    private static List<Window> render(Function<WindowFactory, ContextStrategy> strategy, long seed, int turns, boolean bulky) {
        return TestSessions.renderEachTurn(strategy.apply(new WindowFactory(COUNTER)), TestSessions.newSession(),
                TestSessions.generate(seed, turns, bulky));
    }

    private static int compactions(List<Window> windows, String kind) {
        return (int) windows.stream().map(Window::compaction).flatMap(Optional::stream).map(Compaction::kind)
                .filter(kind::equals).count();
    }

    /** Checks every step t to t+1 where t+1 does not compact; returns how many it checked. */
    private static int checkPrefixes(List<Window> windows) {
        Prefixes prefixes = new Prefixes();
        int checked = 0;
        for (int t = 0; t + 1 < windows.size(); t++) {
            Window before = windows.get(t);
            Window after = windows.get(t + 1);
            if (after.compaction().isPresent()) {
                continue;
            }
            Breakpoint last = before.breakpoints().get(before.breakpoints().size() - 1);
            assertThat(last.messages()).as("turn %d ends with a breakpoint", t).isEqualTo(before.messages().size());

            byte[] cached = prefixes.bytes(before.tools(), before.messages().subList(0, last.messages()));
            byte[] sent = prefixes.bytes(after.tools(), after.messages());
            assertThat(sent.length).as("turn %d grows", t + 1).isGreaterThan(cached.length);
            assertThat(Arrays.mismatch(cached, 0, cached.length, sent, 0, cached.length))
                    .as("first differing byte between turn %d and turn %d", t, t + 1).isEqualTo(-1);

            assertThat(prefixes.hash(after.tools(), after.messages().subList(0, last.messages())))
                    .as("hash of turn %d's first %d messages", t + 1, last.messages()).isEqualTo(last.prefixHash());
            for (Breakpoint breakpoint : after.breakpoints()) {
                if (breakpoint.messages() <= last.messages()) {
                    assertThat(breakpoint).as("turn %d breakpoint at %d", t + 1, breakpoint.messages())
                            .isIn(before.breakpoints());
                }
                assertThat(breakpoint.prefixHash()).as("turn %d breakpoint hash", t + 1)
                        .isEqualTo(prefixes.hash(after.tools(), after.messages().subList(0, breakpoint.messages())));
            }
            checked++;
        }
        return checked;
    }
}
