package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.stats.Leak;
import dev.cachet.evals.stats.LeakCost;
import dev.cachet.evals.stats.SessionStats;
import dev.cachet.providers.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatsTablesTest {

    private static SessionStats session(String name, String model, Double cost, Double toolShare, List<Leak> leaks) {
        return new SessionStats(name, "claude-code", model, 47, 52, new Usage(10_000, 20_000, 2_560_506, 65_263, 0), cost,
                cost != null, true, List.of(), List.of(), 0.634, 55_000, 0.69, cost == null ? null : cost / 0.69, 3.14, toolShare, 12_000, leaks,
                leaks.stream().map(leak -> new LeakCost(leak, 2, 0.125)).toList(), 0, 0.0);
    }

    @Test
    void makes_one_row_per_session_with_its_figures_formatted() {
        Table table = StatsTables.sessions(List.of(
                session("session-196820da.jsonl", "claude-opus-4-6", 7.2943, 0.123,
                        List.of(Leak.RUNAWAY_CONTEXT, Leak.OVERSIZED_TOOL_RESULT))));

        assertThat(table.headings()).extracting(Table.Heading::title).containsExactly("session", "model", "turns",
                "calls", "input", "cache read", "output", "cost", "$/hour", "cache hit", "growth", "tools", "flags");
        assertThat(table.rows()).containsExactly(List.of("session-196820da.jsonl", "claude-opus-4-6", "47", "52",
                "2,590,506", "2,560,506", "65,263", "$7.29", "$10.57", "63.4%", "3.1x", "12%",
                "runaway context (last turns > 3x the first, > 50k tokens): 2x, $0.13; "
                        + "oversized tool result (> 10k tokens): 2x, $0.13"));
    }

    @Test
    void clips_long_session_names_at_their_start_model_names_to_family_and_version_and_shows_a_dash_for_what_is_unknown() {
        Table table = StatsTables.sessions(List.of(session("-Users-me-projects-cachet-258c7280-ae70-4798.jsonl",
                "claude-sonnet-4-5-20250929", null, null, List.of()),
                session("b.jsonl", "anthropic/claude-3-5-sonnet-20241022", null, null, List.of())));

        List<String> row = table.rows().get(0);
        assertThat(row).startsWith("...jects-cachet-258c7280-ae70-4798.jsonl", "claude-sonnet-4-5");
        assertThat(table.rows().get(1).get(1)).isEqualTo("claude-3-5-sonnet");
        assertThat(List.of(row.get(7), row.get(8), row.get(11), row.get(12))).containsExactly("-", "-", "-", "");
    }

    @ParameterizedTest
    @CsvSource({"false, true", "true, false"})
    void a_cost_that_leaves_out_calls_of_an_unpriced_model_or_without_a_bill_is_marked(boolean priced,
            boolean usageKnown) {
        SessionStats partly = new SessionStats("s.jsonl", "claude-code", "claude-opus-4-6", 3, 5,
                new Usage(1, 2, 3, 4, 0), 1.5, priced, usageKnown, List.of(), List.of(), 0.5, 10, null, null, 1, null,
                0, List.of(), List.of(), 0, 0.0);

        assertThat(StatsTables.sessions(List.of(partly)).rows().get(0).get(7)).isEqualTo("$1.50+");
    }
}
