package dev.cachet.context.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.context.Session;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.strategy.hybrid.HybridStrategy;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategiesTest {
    private final StrategyServices services =
            new StrategyServices(new WindowFactory(TestSessions.COUNTER), CacheRates.ANTHROPIC, new ExtractiveSummarizer());

    private static StrategyInfo info(String name) {
        return Strategies.byName(name).orElseThrow();
    }

    @Test
    void lists_the_five_strategies_with_hybrid_as_the_default() {
        assertThat(Strategies.all()).extracting(StrategyInfo::name)
                .containsExactly("transcript", "masking", "summary", "state", "hybrid");
        assertThat(Strategies.DEFAULT).isEqualTo("hybrid");
        assertThat(Strategies.byName(Strategies.DEFAULT)).isPresent();
        assertThat(Strategies.all()).allSatisfy(s -> assertThat(s.description()).isNotBlank());
    }

    @Test
    void an_unknown_name_finds_nothing() {
        assertThat(Strategies.byName("sliding")).isEmpty();
        assertThat(Strategies.byName("Hybrid")).isEmpty();
    }

    @Test
    void each_strategy_declares_its_defaults() {
        assertThat(info("transcript").configure(Map.of()).values()).isEmpty();
        assertThat(info("masking").configure(Map.of()).values()).isEqualTo(Map.of("keep", 10));
        assertThat(info("summary").configure(Map.of()).values()).isEqualTo(Map.of("max_tokens", 40_000, "keep_turns", 5));
        assertThat(info("state").configure(Map.of()).values()).isEqualTo(Map.of("keep_turns", 5));
        assertThat(info("hybrid").configure(Map.of()).values()).isEqualTo(Map.of(
                "keep", 20, "keep_turns", 7, "bulky_tokens", 800, "horizon", 100, "max_window", 150_000, "index_names", 0,
                "use_turns", 0));
    }

    @Test
    void given_parameters_override_the_defaults_and_leave_the_others() {
        Params params = info("hybrid").configure(Map.of("keep", 3, "horizon", 0));

        assertThat(params.get("keep")).isEqualTo(3);
        assertThat(params.get("horizon")).isZero();
        assertThat(params.get("keep_turns")).isEqualTo(7);
        assertThat(params.values()).containsEntry("max_window", 150_000).hasSize(7);
    }

    @Test
    void an_unknown_parameter_is_rejected_naming_the_strategy_the_parameter_and_what_it_takes() {
        assertThatThrownBy(() -> info("masking").configure(Map.of("kep", 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("strategy masking has no parameter 'kep'; it takes keep");
        assertThatThrownBy(() -> info("transcript").configure(Map.of("keep", 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("strategy transcript has no parameter 'keep'; it takes none");
        assertThatThrownBy(() -> info("summary").configure(Map.of("max", 3)))
                .hasMessageContaining("strategy summary").hasMessageContaining("'max'")
                .hasMessageContaining("max_tokens, keep_turns");
    }

    @Test
    void a_negative_value_is_rejected_naming_the_strategy_and_the_parameter() {
        assertThatThrownBy(() -> info("hybrid").configure(Map.of("keep", -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter keep of strategy hybrid must be >= 1, got -1");
        assertThatThrownBy(() -> info("state").configure(Map.of("keep_turns", -5)))
                .hasMessageContaining("keep_turns").hasMessageContaining("state").hasMessageContaining("-5");
    }

    @Test
    void reading_an_undeclared_parameter_fails() {
        Params params = info("masking").configure(Map.of());

        assertThatThrownBy(() -> params.get("keep_turns")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keep_turns");
    }

    @Test
    void each_strategy_is_created_by_its_name() {
        assertThat(info("transcript").create(services, info("transcript").configure(Map.of()))).isInstanceOf(TranscriptStrategy.class);
        assertThat(info("masking").create(services, info("masking").configure(Map.of()))).isInstanceOf(MaskingStrategy.class);
        assertThat(info("summary").create(services, info("summary").configure(Map.of()))).isInstanceOf(SummaryStrategy.class);
        assertThat(info("state").create(services, info("state").configure(Map.of()))).isInstanceOf(StateStrategy.class);
        assertThat(info("hybrid").create(services, info("hybrid").configure(Map.of()))).isInstanceOf(HybridStrategy.class);
    }

    @Test
    void created_strategies_use_the_given_parameters() {
        Session session = TestSessions.newSession();
        List<TestSessions.Turn> turns = TestSessions.fixed().subList(0, 4);
        ContextStrategy keepOne = info("masking").create(services, info("masking").configure(Map.of("keep", 1)));
        ContextStrategy keepAll = info("masking").create(services, info("masking").configure(Map.of()));

        Window one = TestSessions.renderEachTurn(keepOne, session, turns).get(4);
        Window all = keepAll.render(session);

        // Of the three older observations, the first is smaller than its placeholder would be and stays.
        assertThat(one.messages()).filteredOn(m -> m instanceof ToolResult r && r.content().startsWith("[masked ")).hasSize(2);
        assertThat(all.messages()).filteredOn(m -> m instanceof ToolResult r && r.content().startsWith("[masked ")).isEmpty();
    }

    @Test
    void a_new_instance_per_session_keeps_sessions_apart() {
        StrategyInfo summary = info("summary");
        Params tight = summary.configure(Map.of("max_tokens", 500, "keep_turns", 1));
        ContextStrategy first = summary.create(services, tight);
        ContextStrategy second = summary.create(services, tight);

        TestSessions.renderEachTurn(first, TestSessions.newSession(), TestSessions.fixed());
        Window fresh = second.render(TestSessions.newSession());

        assertThat(second).isNotSameAs(first);
        assertThat(fresh.messages()).hasSize(2);
        assertThat(fresh.compaction()).isEmpty();
    }
}
