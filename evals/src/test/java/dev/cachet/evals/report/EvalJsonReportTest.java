package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.evals.matrix.EvalSummary;
import dev.cachet.evals.matrix.RunRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalJsonReportTest {

    @Test
    void holds_the_summary_and_every_run_in_snake_case() throws Exception {
        List<RunRecord> records = EvalFixtures.repeated();

        JsonNode json = Json.mapper().readTree(new EvalJsonReport().render("smoke", records,
                EvalSummary.of(records)));

        assertThat(json.get("suite").asText()).isEqualTo("smoke");
        assertThat(json.get("runs")).hasSize(12);
        assertThat(json.get("runs").get(0).get("cache_read_tokens").asLong()).isEqualTo(300);
        JsonNode hybrid = json.get("summary").get("strategies").get(0);
        assertThat(hybrid.get("strategy").asText()).isEqualTo("hybrid");
        assertThat(hybrid.get("solve_rate").asDouble()).isEqualTo(0.5);
        assertThat(hybrid.get("solve_rate_interval").get("low").isNumber()).isTrue();
        assertThat(hybrid.get("cost_per_solved_usd").asDouble()).isGreaterThan(0);
        assertThat(json.get("summary").get("strategies").get(1).get("cost_per_solved_usd").isNull()).isTrue();
        assertThat(json.get("summary").get("tasks").get(0).get("solved").asInt()).isEqualTo(2);
    }
}
