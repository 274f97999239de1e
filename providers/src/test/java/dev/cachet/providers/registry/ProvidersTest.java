package dev.cachet.providers.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.context.TokenCounter;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.ModelSpecException;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.ProviderContext;
import dev.cachet.providers.cache.AutomaticPrefixCacheSimulator;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.pricing.PriceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    private final Providers providers = new Providers(PriceTable.bundled());

    @TempDir
    Path dir;

    private static ModelSpec spec(String text, CacheLifetime ttl) {
        return ModelSpec.parse(text, Optional.empty(), ttl);
    }

    private static ProviderContext environment(Map<String, String> variables) {
        return new ProviderContext(variables, COUNTER, warning -> { });
    }

    @Test
    void a_spec_is_provider_colon_name_and_keeps_its_base_url_and_ttl() {
        ModelSpec spec = ModelSpec.parse("openai-compatible:llama3", Optional.of("http://localhost:11434/v1"), ModelSpec.ONE_HOUR);

        assertThat(spec.provider()).isEqualTo("openai-compatible");
        assertThat(spec.name()).isEqualTo("llama3");
        assertThat(spec.baseUrl()).contains("http://localhost:11434/v1");
        assertThat(spec.cachesForAnHour()).isTrue();
        assertThat(spec).hasToString("openai-compatible:llama3");
        assertThat(ModelSpec.parse("replay:/tmp/a:b.jsonl", Optional.empty(), ModelSpec.FIVE_MINUTES).name()).isEqualTo("/tmp/a:b.jsonl");
    }

    @Test
    void a_spec_without_provider_or_name_is_refused() {
        assertThatThrownBy(() -> spec("claude", ModelSpec.FIVE_MINUTES)).isInstanceOf(ModelSpecException.class)
                .hasMessageContaining("needs a provider and a name");
        assertThatThrownBy(() -> spec("anthropic:", ModelSpec.FIVE_MINUTES)).isInstanceOf(ModelSpecException.class);
    }

    @Test
    void the_price_bills_cache_writes_at_the_specs_ttl() {
        ModelPrice listed = PriceTable.bundled().price("claude-sonnet-4-6").orElseThrow();

        assertThat(providers.priced(spec("anthropic:claude-sonnet-4-6", ModelSpec.FIVE_MINUTES)).price()).isEqualTo(listed);
        assertThat(providers.priced(spec("anthropic:claude-sonnet-4-6", ModelSpec.ONE_HOUR)).price())
                .isEqualTo(listed.withOneHourWrites());
        // Under auto each usage says which of its writes were for an hour.
        assertThat(providers.priced(spec("anthropic:claude-sonnet-4-6", CacheLifetime.AUTO)).price()).isEqualTo(listed);
    }

    @Test
    void strategies_weigh_compactions_with_the_specs_ttl_and_write_price() {
        var rates = providers.priced(spec("anthropic:claude-sonnet-4-6", ModelSpec.ONE_HOUR)).cacheRates();

        assertThat(rates.ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(rates.write()).isEqualTo(2.0);
        assertThat(rates.read()).isCloseTo(0.1, within(1e-12));
        var auto = providers.priced(spec("anthropic:claude-sonnet-4-6", CacheLifetime.AUTO)).cacheRates();
        assertThat(auto.ttl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(auto.write()).isEqualTo(1.25);
    }

    @Test
    void under_auto_a_request_cached_for_an_hour_is_weighed_at_the_hours_write_price() {
        var auto = providers.priced(spec("anthropic:claude-sonnet-4-6", CacheLifetime.AUTO));

        var hour = auto.cacheRates(Duration.ofHours(1));
        assertThat(hour.ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(hour.write()).isEqualTo(2.0);
        assertThat(auto.cacheRates(Duration.ofMinutes(5))).isEqualTo(auto.cacheRates());
        // DeepSeek keeps prefixes for hours by itself, and bills a write as input.
        var deepSeek = providers.priced(spec("deepseek:deepseek-chat", ModelSpec.FIVE_MINUTES)).cacheRates(Duration.ofHours(2));
        assertThat(deepSeek.ttl()).isEqualTo(Duration.ofHours(2));
        assertThat(deepSeek.write()).isEqualTo(1.0);
        assertThat(deepSeek.read()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void each_provider_bills_through_its_own_cache() {
        assertThat(providers.priced(spec("anthropic:claude-sonnet-4-6", ModelSpec.FIVE_MINUTES)).caches().apply(COUNTER))
                .isInstanceOf(BreakpointCacheSimulator.class);
        assertThat(providers.priced(spec("openai:gpt-5", ModelSpec.FIVE_MINUTES)).caches().apply(COUNTER))
                .isInstanceOf(AutomaticPrefixCacheSimulator.class);
        assertThat(providers.priced(spec("deepseek:deepseek-chat", ModelSpec.FIVE_MINUTES)).caches().apply(COUNTER))
                .isInstanceOf(AutomaticPrefixCacheSimulator.class);
    }

    @Test
    void an_unknown_provider_a_missing_price_and_a_missing_key_are_named() {
        assertThatThrownBy(() -> providers.priced(spec("skynet:9000", ModelSpec.FIVE_MINUTES)))
                .isInstanceOf(ModelSpecException.class).hasMessageContaining("unknown model provider 'skynet'");
        assertThatThrownBy(() -> providers.priced(spec("anthropic:claude-nope", ModelSpec.FIVE_MINUTES)))
                .isInstanceOf(ModelSpecException.class).hasMessageStartingWith("no price for model claude-nope");
        assertThatThrownBy(() -> providers.open(spec("anthropic:claude-sonnet-4-6", ModelSpec.FIVE_MINUTES), environment(Map.of())))
                .isInstanceOf(ModelSpecException.class).hasMessageStartingWith("ANTHROPIC_API_KEY is not set");
        // Under auto the client weighs the model's price, asked only once the key is there.
        assertThatThrownBy(() -> providers.open(spec("anthropic:claude-nope", CacheLifetime.AUTO), environment(Map.of())))
                .isInstanceOf(ModelSpecException.class).hasMessageStartingWith("ANTHROPIC_API_KEY is not set");
        assertThatThrownBy(() -> providers.open(spec("anthropic:claude-nope", CacheLifetime.AUTO),
                environment(Map.of("ANTHROPIC_API_KEY", "k")))).hasMessageStartingWith("no price for model claude-nope");
        assertThatThrownBy(() -> providers.open(spec("deepseek:deepseek-chat", ModelSpec.FIVE_MINUTES),
                environment(Map.of("DEEPSEEK_API_KEY", " ")))).hasMessageStartingWith("DEEPSEEK_API_KEY is not set");
    }

    @Test
    void a_compatible_server_needs_a_base_url_but_no_key() {
        assertThatThrownBy(() -> providers.open(spec("openai-compatible:llama3", ModelSpec.FIVE_MINUTES), environment(Map.of())))
                .isInstanceOf(ModelSpecException.class).hasMessageContaining("needs --base-url");
        ModelSpec local = ModelSpec.parse("openai-compatible:gpt-5", Optional.of("http://localhost:1/v1"), ModelSpec.FIVE_MINUTES);

        PricedClient client = providers.open(local, environment(Map.of()));

        assertThat(client.model()).isEqualTo("gpt-5");
        assertThat(client.cacheSimulator(COUNTER)).isInstanceOf(AutomaticPrefixCacheSimulator.class);
    }

    @Test
    void a_replay_is_priced_as_the_replay_model_and_checked_against_the_cache_it_simulates() throws IOException {
        Path recording = Files.writeString(dir.resolve("s.jsonl"),
                "{\"type\":\"model_response\",\"message\":{\"role\":\"assistant\",\"text\":\"done\"}}\n");

        PricedClient client = providers.open(spec("replay:" + recording, ModelSpec.ONE_HOUR), environment(Map.of()));

        assertThat(client.answersAnything()).isFalse();
        assertThat(client.price()).isEqualTo(PriceTable.bundled().price("claude-sonnet-4-6").orElseThrow().withOneHourWrites());
        assertThat(client.cacheSimulator(COUNTER)).isInstanceOf(BreakpointCacheSimulator.class);
        assertThatThrownBy(() -> providers.priced(spec("replay:" + recording, ModelSpec.FIVE_MINUTES)))
                .isInstanceOf(ModelSpecException.class).hasMessageContaining("cannot price a replay as");
    }
}
