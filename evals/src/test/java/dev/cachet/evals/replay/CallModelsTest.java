package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.registry.Providers;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallModelsTest {
    private static final Providers PROVIDERS = new Providers(PriceTable.bundled());
    private static final PricedModel SONNET = PROVIDERS.priced(
            ModelSpec.parse("anthropic:claude-sonnet-4-6", Optional.empty(), ModelSpec.FIVE_MINUTES));
    private static final PricedModel OPUS = PROVIDERS.recorded("claude-opus-4-6", ModelSpec.FIVE_MINUTES, SONNET);

    @Test
    void two_runs_bill_alike_only_where_every_call_goes_to_the_same_model_at_the_same_prices() {
        CallModels switching = new CallModels(List.of(SONNET, OPUS));

        assertThat(switching.billAs(new CallModels(List.of(SONNET, OPUS)))).isTrue();
        assertThat(switching.billAs(new CallModels(List.of(SONNET, SONNET)))).isFalse();
        assertThat(switching.billAs(new CallModels(List.of(SONNET)))).isFalse();
    }

    @Test
    void names_the_model_a_call_switched_from() {
        CallModels models = new CallModels(List.of(SONNET, SONNET, OPUS, SONNET));

        assertThat(models.switchedFrom(0)).isEmpty();
        assertThat(models.switchedFrom(1)).isEmpty();
        assertThat(models.switchedFrom(2)).contains("claude-sonnet-4-6");
        assertThat(models.switchedFrom(3)).contains("claude-opus-4-6");
        assertThat(models.last()).isEqualTo(SONNET);
    }
}
