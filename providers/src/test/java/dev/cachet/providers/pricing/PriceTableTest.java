package dev.cachet.providers.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.providers.Usage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {
    private final PriceTable bundled = PriceTable.bundled();

    private static InputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bundled_table_has_claude_sonnet_4_6_at_its_published_prices() {
        assertThat(bundled.price("claude-sonnet-4-6")).contains(new ModelPrice(3.00, 15.00, 3.75, 6.00, 0.30));
    }

    @Test
    void bundled_table_says_when_its_prices_were_taken_as_an_iso_date() {
        assertThat(bundled.pricesAsOf()).isNotBlank();
        assertThat(LocalDate.parse(bundled.pricesAsOf())).isAfter(LocalDate.of(2024, 1, 1));
    }

    @Test
    void bundled_table_lists_the_claude_models() {
        assertThat(bundled.models()).contains("claude-opus-4-6", "claude-sonnet-4-6", "claude-haiku-4-5");
        // Dated ids as Claude Code logs them.
        assertThat(bundled.price("claude-sonnet-4-20250514")).isEqualTo(bundled.price("claude-sonnet-4"));
        assertThat(bundled.price("claude-opus-4-1-20250805")).isEqualTo(bundled.price("claude-opus-4-1"));
    }

    @Test
    void every_bundled_price_is_positive_and_claude_prices_are_ordered_like_anthropic_bills_them() {
        for (String model : bundled.models()) {
            ModelPrice price = bundled.price(model).orElseThrow();
            // A source without a cache discount bills reads at the input price.
            assertThat(price.cacheRead()).as(model).isPositive().isLessThanOrEqualTo(price.input());
            assertThat(price.output()).as(model).isGreaterThan(price.input());
            if (model.startsWith("claude-")) {
                assertThat(price.cacheWrite5m()).as(model).isGreaterThan(price.input()).isLessThan(price.cacheWrite1h());
            } else {
                // Automatic caches charge nothing extra to write.
                assertThat(price.cacheWrite5m()).as(model).isEqualTo(price.input());
            }
        }
    }

    @Test
    void cost_of_a_hand_worked_usage_with_the_bundled_sonnet_price() {
        ModelPrice sonnet = bundled.price("claude-sonnet-4-6").orElseThrow();
        Usage usage = new Usage(1_939, 1_976, 5_971, 307, 0);

        // 1,939 x 3.00 + 1,976 x 3.75 + 5,971 x 0.30 = 5,817 + 7,410 + 1,791.3 = 15,018.3 per million
        // + 307 x 15.00 = 4,605 per million; total 19,623.3 per million = $0.0196233
        assertThat(sonnet.inputCost(usage)).isCloseTo(0.0150183, within(1e-12));
        assertThat(sonnet.cost(usage)).isCloseTo(0.0196233, within(1e-12));
    }

    @Test
    void unknown_model_has_no_price() {
        assertThat(bundled.price("gpt-unknown")).isEmpty();
        assertThat(bundled.price("")).isEmpty();
    }

    @Test
    void models_cannot_be_changed_from_outside() {
        assertThatThrownBy(() -> bundled.models().add("free-model")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void reads_a_table_from_yaml() throws IOException {
        PriceTable table = PriceTable.read(yaml("""
                prices_as_of: "2025-01-31"
                models:
                  tiny: { input: 0.5, output: 1.5, cache_write_5m: 0.625, cache_write_1h: 1.0, cache_read: 0.05 }
                """));

        assertThat(table.pricesAsOf()).isEqualTo("2025-01-31");
        assertThat(table.models()).containsExactly("tiny");
        assertThat(table.price("tiny")).contains(new ModelPrice(0.5, 1.5, 0.625, 1.0, 0.05));
    }

    @Test
    void a_misspelled_price_field_is_rejected_naming_the_field_it_lacks() {
        assertThatThrownBy(() -> PriceTable.read(yaml("""
                prices_as_of: "2025-01-31"
                models:
                  tiny: { input: 0.5, output: 1.5, cache_write_5m: 0.625, cache_write_1h: 1.0, cache_reads: 0.05 }
                """)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'cache_read'");
    }

    @Test
    void a_quoted_price_is_read_as_the_number_it_spells() throws IOException {
        PriceTable table = PriceTable.read(yaml("""
                models:
                  tiny: { input: "0.5", output: " 1.5", cache_write_5m: 0.625, cache_write_1h: 1.0, cache_read: 0.05 }
                """));

        assertThat(table.price("tiny")).contains(new ModelPrice(0.5, 1.5, 0.625, 1.0, 0.05));
    }

    @Test
    void a_price_that_is_no_number_or_a_field_of_another_name_is_rejected_naming_it() {
        assertThatThrownBy(() -> PriceTable.read(yaml("""
                models:
                  tiny: { input: cheap, output: 1.5, cache_write_5m: 0.625, cache_write_1h: 1.0, cache_read: 0.05 }
                """)))
                .isInstanceOf(IOException.class)
                .hasMessage("model tiny: 'input' is not a number: \"cheap\"");
        assertThatThrownBy(() -> PriceTable.read(yaml("""
                models:
                  tiny: { input: 0.5, output: 1.5, cache_write_5m: 0.625, cache_write_1h: 1.0, cache_read: 0.05, x: 1 }
                """)))
                .isInstanceOf(IOException.class)
                .hasMessage("model tiny: unknown price 'x' (known: input, output, cache_write_5m, cache_write_1h, "
                        + "cache_read, above_<N>k for prompts of more than N thousand tokens)");
        assertThatThrownBy(() -> PriceTable.read(yaml("""
                models:
                  tiny: { input: 0.5, output: 1.5, cache_write_5m: 0.625, cache_write_1h: 1.0, cache_read: null }
                """)))
                .isInstanceOf(IOException.class)
                .hasMessage("model tiny: 'cache_read' is missing");
    }

    @Test
    void reads_a_tier_of_longer_prompts_and_rejects_one_that_is_not_five_prices() throws IOException {
        String base = "tiny: { input: 1, output: 5, cache_write_5m: 1.25, cache_write_1h: 2, cache_read: 0.1, ";
        PriceTable table = PriceTable.read(yaml("models:\n  " + base
                + "above_200k: { input: 2, output: 7.5, cache_write_5m: 2.5, cache_write_1h: 4, cache_read: 0.2 } }\n"));

        assertThat(table.price("tiny")).contains(new ModelPrice(1, 5, 1.25, 2, 0.1)
                .above(200_000, new ModelPrice(2, 7.5, 2.5, 4, 0.2)));
        assertThatThrownBy(() -> PriceTable.read(yaml("models:\n  " + base
                + "above_200k: { input: 2, output: 7.5, cache_write_5m: 2.5, cache_write_1h: 4 } }\n")))
                .isInstanceOf(IOException.class).hasMessage("model tiny above_200k: 'cache_read' is missing");
        assertThatThrownBy(() -> PriceTable.read(yaml("models:\n  " + base + "above_200k: 2 }\n")))
                .isInstanceOf(IOException.class)
                .hasMessage("model tiny: 'above_200k' is not the five prices of longer prompts: 2");
        assertThatThrownBy(() -> PriceTable.read(yaml("models:\n  " + base + "above_200k: { input: 2, output: 7.5, "
                + "cache_write_5m: 2.5, cache_write_1h: 4, cache_read: 0.2, above_300k: { input: 3 } } }\n")))
                .isInstanceOf(IOException.class)
                .hasMessage("model tiny above_200k: unknown price 'above_300k' (known: input, output, cache_write_5m, "
                        + "cache_write_1h, cache_read)");
        assertThatThrownBy(() -> PriceTable.read(yaml("models:\n  " + base + "above_200k: { input: 2, output: 7.5, "
                + "cache_write_5m: 2.5, cache_write_1h: 4, cache_read: 0.2 }, above_300k: { input: 3, output: 9, "
                + "cache_write_5m: 3.75, cache_write_1h: 6, cache_read: 0.3 } }\n")))
                .isInstanceOf(IOException.class).hasMessage("model tiny: more than one tier of longer prompts");
    }

    @Test
    void bundled_long_context_tiers_are_those_the_providers_bill() {
        ModelPrice sonnet45 = bundled.price("claude-sonnet-4-5-20250929").orElseThrow();
        ModelPrice gpt55 = bundled.price("gpt-5.5").orElseThrow();

        assertThat(sonnet45.forPrompt(200_001)).isEqualTo(new ModelPrice(6.00, 22.50, 7.50, 12.00, 0.60));
        assertThat(sonnet45.forPrompt(200_000)).isSameAs(sonnet45);
        assertThat(gpt55.forPrompt(272_001).input()).isEqualTo(10.00);
        assertThat(gpt55.forPrompt(272_000).input()).isEqualTo(5.00);
        // Opus and Sonnet 4.6 bill their whole 1M context at one price.
        assertThat(bundled.price("claude-opus-4-6").orElseThrow().longContext()).isEmpty();
        assertThat(bundled.price("claude-sonnet-4-6").orElseThrow().longContext()).isEmpty();
    }

    @Test
    void a_model_missing_a_price_field_is_rejected() {
        assertThatThrownBy(() -> PriceTable.read(yaml("""
                prices_as_of: "2025-01-31"
                models:
                  tiny: { input: 0.5, output: 1.5, cache_write_5m: 0.625, cache_write_1h: 1.0 }
                """)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cache_read");
    }

    @Test
    void a_user_file_adds_models_and_replaces_prices_of_bundled_ones(@TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("prices.yaml"), """
                prices_as_of: "2027-01-01"
                models:
                  claude-sonnet-4-6: { input: 2.00, output: 10.00, cache_write_5m: 2.50, cache_write_1h: 4.00, cache_read: 0.20 }
                  local-model: { input: 0, output: 0, cache_write_5m: 0, cache_write_1h: 0, cache_read: 0 }
                """);

        PriceTable table = PriceTable.bundled().overriddenBy(file);

        assertThat(table.price("claude-sonnet-4-6")).contains(new ModelPrice(2.00, 10.00, 2.50, 4.00, 0.20));
        assertThat(table.price("local-model")).contains(new ModelPrice(0, 0, 0, 0, 0));
        assertThat(table.price("claude-opus-4-6")).isEqualTo(PriceTable.bundled().price("claude-opus-4-6"));
        assertThat(table.pricesAsOf()).isEqualTo("2027-01-01");
    }

    @Test
    void a_broken_user_file_is_an_error_naming_it(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("prices.yaml"),
                "models:\n  x: { input: 1.0 }\n");

        assertThatThrownBy(() -> PriceTable.bundled().overriddenBy(file))
                .isInstanceOf(PriceTableException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("output");
    }

    @Test
    void names_from_logs_find_their_model_without_router_prefix_or_snapshot_date() {
        PriceTable prices = PriceTable.bundled();

        assertThat(prices.price("claude-haiku-4-5-20251001")).isEqualTo(prices.price("claude-haiku-4-5"));
        assertThat(prices.price("openai/gpt-5")).isEqualTo(prices.price("gpt-5"));
        assertThat(prices.price("claude-haiku-4-5")).isPresent();
        assertThat(prices.price("claude-haiku-4")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "claude-sonnet-4-5-20250929, claude-sonnet-4-5",
        "anthropic/claude-sonnet-4-5, claude-sonnet-4-5",
        "Claude-Sonnet-4-5, claude-sonnet-4-5",
        "anthropic/claude-sonnet-4.5, claude-sonnet-4-5",
        "claude-opus-4-6[1m], claude-opus-4-6",
        "bedrock/global.anthropic.claude-haiku-4-5-20251001-v1:0, claude-haiku-4-5",
        "vertex_ai/claude-opus-4-6@20260101, claude-opus-4-6",
        "claude-haiku-4-5-latest, claude-haiku-4-5",
        "openai/gpt-5, gpt-5",
        "gpt-5-2025-08-07, gpt-5",
        "openrouter/openai/gpt-5:free, gpt-5"
    })
    void a_model_is_found_by_its_dated_routed_and_decorated_names(String alias, String model) {
        PriceTable table = new PriceTable("2026-01-01", Map.of(
                "claude-sonnet-4-5", new ModelPrice(3, 15, 3.75, 6, 0.3),
                "claude-opus-4-6", new ModelPrice(5, 25, 6.25, 10, 0.5),
                "claude-haiku-4-5", new ModelPrice(1, 5, 1.25, 2, 0.1),
                "gpt-5", new ModelPrice(1.25, 10, 1.25, 1.25, 0.125)));

        assertThat(table.price(alias)).as(alias).isPresent().isEqualTo(table.price(model));
    }

    @ParameterizedTest
    @CsvSource({
        // name as a real log writes it,           bundled model
        "gpt-5.5,                                  gpt-5.5",
        "gpt-5.5-2026-04-23,                       gpt-5.5",
        "openai/gpt-5.5,                           gpt-5.5",
        "gpt-5.1-codex,                            gpt-5.1-codex",
        "openai/gpt-5.2-codex,                     gpt-5.2-codex",
        "gpt-5.3-codex,                            gpt-5.3-codex",
        "gpt-5-codex,                              gpt-5-codex",
        "gpt-5.1-2025-11-13,                       gpt-5.1",
        "gpt-5.2-2025-12-11,                       gpt-5.2",
        "gpt-4o-2024-08-06,                        gpt-4o",
        "openrouter/openai/gpt-4o,                 gpt-4o",
        "gpt-4o-mini-2024-07-18,                   gpt-4o-mini",
        "gpt-4.1-2025-04-14,                       gpt-4.1",
        "azure/gpt-4.1-mini-2025-04-14,            gpt-4.1-mini",
        "o1-2024-12-17,                            o1",
        "o3-2025-04-16,                            o3",
        "openai/o3-mini-2025-01-31,                o3-mini",
        "o4-mini-2025-04-16,                       o4-mini",
        "gemini/gemini-2.5-pro,                    gemini-2.5-pro",
        "vertex_ai/gemini-2.5-pro,                 gemini-2.5-pro",
        "openrouter/google/gemini-3-pro-preview,   gemini-3-pro-preview",
        "openai/openrouter-llama-4-maverick,       llama-4-maverick",
        "openrouter/meta-llama/llama-4-maverick,   llama-4-maverick",
        "claude-3-opus-20240229,                   claude-3-opus",
        "claude-3-5-haiku-20241022,                claude-3-5-haiku",
        "bedrock/us.anthropic.claude-3-5-haiku-20241022-v1:0, claude-3-5-haiku",
        "claude-3-haiku-20240307,                  claude-3-haiku",
        "anthropic/claude-3-7-sonnet-20250219,     claude-3-7-sonnet"
    })
    void each_bundled_model_is_found_by_the_names_real_logs_give_it(String logged, String model) {
        assertThat(bundled.models()).contains(model);
        assertThat(bundled.price(logged)).as(logged).isPresent().isEqualTo(bundled.price(model));
    }

    @Test
    void bundled_prices_of_newly_added_models_match_figures_checked_by_hand() {
        // LiteLLM's model_prices_and_context_window.json (BerriAI/litellm, commit 00035b69), per-token costs x 10^6:
        // "gpt-5.5": input_cost_per_token 5e-06, output_cost_per_token 3e-05, cache_read_input_token_cost 5e-07, and
        // above 272K input tokens 1e-05, 4.5e-05 and 1e-06.
        // OpenAI bills nothing extra to write its automatic cache: writes at the input price.
        assertThat(bundled.price("gpt-5.5")).contains(new ModelPrice(5.00, 30.00, 5.00, 5.00, 0.50)
                .above(272_000, new ModelPrice(10.00, 45.00, 10.00, 10.00, 1.00)));
        // "gpt-5.3-codex": 1.75e-06, 1.4e-05, cache read 1.75e-07.
        assertThat(bundled.price("gpt-5.3-codex")).contains(new ModelPrice(1.75, 14.00, 1.75, 1.75, 0.175));
        // "o4-mini": 1.1e-06, 4.4e-06, cache read 2.75e-07.
        assertThat(bundled.price("o4-mini")).contains(new ModelPrice(1.10, 4.40, 1.10, 1.10, 0.275));
        // "gemini/gemini-2.5-pro": 1.25e-06, 1e-05, cache read 1.25e-07, and above 200K tokens 2.5e-06, 1.5e-05 and
        // 2.5e-07.
        assertThat(bundled.price("gemini-2.5-pro")).contains(new ModelPrice(1.25, 10.00, 1.25, 1.25, 0.125)
                .above(200_000, new ModelPrice(2.50, 15.00, 2.50, 2.50, 0.25)));
        // "claude-3-haiku-20240307": 2.5e-07, 1.25e-06, write 3e-07, read 3e-08; its 1-hour write from Anthropic's
        // price page ($0.50 / MTok), since LiteLLM's cache_creation_input_token_cost_above_1hr there reads 6e-06.
        assertThat(bundled.price("claude-3-haiku")).contains(new ModelPrice(0.25, 1.25, 0.30, 0.50, 0.03));
        // OpenRouter's page for meta-llama/llama-4-maverick: $0.17/M input, $0.85/M output, no cache price.
        assertThat(bundled.price("openai/openrouter-llama-4-maverick"))
                .contains(new ModelPrice(0.17, 0.85, 0.17, 0.17, 0.17));
        // Anthropic's prompt-caching price table for Claude 3.5 Sonnet: $3 in, $3.75 write, $0.30 hit, $15 out; the
        // 1-hour write at the 2x-input rule of the current price page.
        assertThat(bundled.price("claude-3-5-sonnet-20241022")).contains(new ModelPrice(3.00, 15.00, 3.75, 6.00, 0.30));
        // GitHub Docs' Copilot table (github/docs data/tables/copilot/models-and-pricing.yml): GPT-5.4 $2.50 in,
        // $0.25 cached, $15.00 out, above 272K $5.00, $0.50 and $22.50; GPT-5.4 mini $0.75, $0.075, $4.50; GPT-5.4
        // nano $0.20, $0.02, $1.25. As for every OpenAI model, writes at the input price.
        assertThat(bundled.price("gpt-5.4")).contains(new ModelPrice(2.50, 15.00, 2.50, 2.50, 0.25)
                .above(272_000, new ModelPrice(5.00, 22.50, 5.00, 5.00, 0.50)));
        assertThat(bundled.price("gpt-5.4-mini")).contains(new ModelPrice(0.75, 4.50, 0.75, 0.75, 0.075));
        assertThat(bundled.price("gpt-5.4-nano")).contains(new ModelPrice(0.20, 1.25, 0.20, 0.20, 0.02));
        // DeepSeek's price page: deepseek-chat and deepseek-reasoner are both DeepSeek-V3.2, at one price.
        assertThat(bundled.price("deepseek-reasoner")).isEqualTo(bundled.price("deepseek-chat"));
    }

    @Test
    void models_left_out_for_want_of_a_checked_price_stay_unpriced() {
        assertThat(bundled.price("gemini-2.5-flash")).isEmpty();
    }

    @Test
    void a_proxy_alias_names_its_router_only_as_a_prefix() {
        PriceTable table = new PriceTable("2026-01-01", Map.of("llama-4-maverick", new ModelPrice(1, 2, 1, 1, 1)));

        assertThat(table.price("openrouter-llama-4-maverick")).isPresent();
        assertThat(table.price("my-openrouter-llama-4-maverick")).isEmpty();
    }

    @Test
    void an_exact_dated_price_wins_over_the_undated_model() {
        PriceTable table = new PriceTable("2026-01-01", Map.of(
                "gpt-4o", new ModelPrice(2.5, 10, 2.5, 2.5, 1.25),
                "gpt-4o-2024-05-13", new ModelPrice(5, 15, 5, 5, 5)));

        assertThat(table.price("gpt-4o-2024-05-13").orElseThrow().input()).isEqualTo(5);
        assertThat(table.price("gpt-4o-2024-08-06").orElseThrow().input()).isEqualTo(2.5);
    }

    @Test
    void a_litellm_list_on_top_prices_models_before_the_bundled_table_and_by_provider_prefixed_names(
            @TempDir Path dir) throws IOException {
        Path list = Files.writeString(dir.resolve("litellm.json"), """
                {"sample_spec": {"mode": "one of: chat, embedding", "input_cost_per_token": 0.0},
                 "claude-opus-4-6": {"mode": "chat", "input_cost_per_token": 4e-06, "output_cost_per_token": 2e-05,
                    "cache_creation_input_token_cost": 5e-06, "cache_creation_input_token_cost_above_1hr": 8e-06,
                    "cache_read_input_token_cost": 4e-07, "provider_specific_entry": {"us": 1.1, "fast": 6.0}},
                 "deepseek/deepseek-v9": {"mode": "chat", "input_cost_per_token": 2.8e-07, "output_cost_per_token": 4.2e-07,
                    "cache_read_input_token_cost": 2.8e-08},
                 "openrouter/deepseek/deepseek-v9": {"mode": "chat", "input_cost_per_token": 9e-07, "output_cost_per_token": 9e-07},
                 "text-embedding-9": {"mode": "embedding", "input_cost_per_token": 1e-07, "output_cost_per_token": 0},
                 "claude-sonnet-9": {"mode": "chat", "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
                    "cache_creation_input_token_cost": 3.75e-06, "cache_read_input_token_cost": 3e-07,
                    "input_cost_per_token_above_200k_tokens": 6e-06, "output_cost_per_token_above_200k_tokens": 2.25e-05,
                    "cache_creation_input_token_cost_above_200k_tokens": 7.5e-06,
                    "cache_creation_input_token_cost_above_1hr": 6e-06,
                    "cache_creation_input_token_cost_above_1hr_above_200k_tokens": 1.2e-05,
                    "cache_read_input_token_cost_above_200k_tokens": 6e-07, "provider_specific_entry": {"fast": 2}},
                 "gemini-9-pro": {"mode": "chat", "input_cost_per_token": 1.25e-06, "output_cost_per_token": 1e-05,
                    "cache_read_input_token_cost": 1.25e-07, "input_cost_per_token_above_272k_tokens": 5e-06,
                    "input_cost_per_token_above_200k_tokens": 2.5e-06}}
                """);

        PriceTable table = PriceTable.bundled().overriddenByLiteLlm(list, 2);

        assertThat(table.price("claude-opus-4-6")).contains(new ModelPrice(4, 20, 5, 8, 0.4));
        // No write prices: writes cost the input price, as automatic caches bill them.
        assertThat(table.price("deepseek-v9")).contains(new ModelPrice(0.28, 0.42, 0.28, 0.28, 0.028));
        assertThat(table.price("openrouter/deepseek/deepseek-v9").orElseThrow().input()).isEqualTo(0.9);
        assertThat(table.price("text-embedding-9")).isEmpty();
        assertThat(table.price("claude-haiku-4-5")).isEqualTo(bundled.price("claude-haiku-4-5"));
        // A tier of longer prompts, its 1-hour write too; a cache price it leaves out keeps its multiple of the input
        // price, an output price left out stays the base one; of two tiers, the first a prompt passes.
        assertThat(table.price("claude-sonnet-9")).contains(new ModelPrice(3, 15, 3.75, 6, 0.3)
                .above(200_000, new ModelPrice(6, 22.5, 7.5, 12, 0.6)));
        // Fast mode at the list's multiple of every price, a tier's too.
        assertThat(table.price("claude-opus-4-6-fast")).contains(new ModelPrice(24, 120, 30, 48, 2.4));
        assertThat(table.price("claude-sonnet-9-fast")).contains(new ModelPrice(6, 30, 7.5, 12, 0.6)
                .above(200_000, new ModelPrice(12, 45, 15, 24, 1.2)));
        assertThat(table.price("deepseek-v9-fast")).isEmpty();
        assertThat(table.price("gemini-9-pro")).contains(new ModelPrice(1.25, 10, 1.25, 1.25, 0.125)
                .above(200_000, new ModelPrice(2.5, 10, 2.5, 2.5, 0.25)));
    }

    @Test
    void fast_mode_is_priced_at_anthropics_multiple_of_the_models_own_prices_and_never_guessed() {
        // Claude Code's fast mode: $30/$150 on Opus 4.6 and 4.7, $10/$50 on Opus 4.8, the cache multipliers on top.
        ModelPrice sixTimes = new ModelPrice(30, 150, 37.5, 60, 3);
        assertThat(bundled.price("claude-opus-4-6-fast")).contains(sixTimes);
        assertThat(bundled.price("claude-opus-4-7-fast")).contains(sixTimes);
        assertThat(bundled.price("claude-opus-4-8-fast")).contains(new ModelPrice(10, 50, 12.5, 20, 1));
        // The model's other names, fast: a snapshot date before the suffix, a router's prefix.
        assertThat(bundled.price("claude-opus-4-6-20260205-fast")).contains(sixTimes);
        assertThat(bundled.price("anthropic/claude-opus-4-6-fast")).contains(sixTimes);
        // A model without a published fast price stays unpriced rather than billed at its standard one.
        assertThat(bundled.price("claude-sonnet-4-6-fast")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        // Bedrock's regional endpoints of Claude Sonnet 4.5 and later models, a geography's (us., eu., apac., jp.,
        // au.), bill a tenth more than the global one (Anthropic's "Global vs regional endpoints" for Bedrock); older
        // models keep one price, and so does a name without a prefix, as LiteLLM's list prices it.
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0,         claude-sonnet-4-5, 1.1",
        "bedrock/eu.anthropic.claude-opus-4-6-v1,              claude-opus-4-6,   1.1",
        "apac.anthropic.claude-haiku-4-5-20251001-v1:0,        claude-haiku-4-5,  1.1",
        "anthropic.claude-sonnet-4-6,                          claude-sonnet-4-6, 1",
        "global.anthropic.claude-sonnet-4-5-20250929-v1:0,     claude-sonnet-4-5, 1",
        "us.anthropic.claude-sonnet-4-20250514-v1:0,           claude-sonnet-4,   1",
        "us.anthropic.claude-opus-4-1-20250805-v1:0,           claude-opus-4-1,   1",
        "us.anthropic.claude-3-5-haiku-20241022-v1:0,          claude-3-5-haiku,  1",
        "claude-sonnet-4-5,                                    claude-sonnet-4-5, 1"
    })
    void bedrock_regional_endpoints_of_claude_4_5_and_later_bill_a_tenth_more(String logged, String model,
            double multiple) {
        assertThat(bundled.price(logged)).as(logged).contains(bundled.price(model).orElseThrow().times(multiple));
    }

    @ParameterizedTest
    @CsvSource({
        // A list's entry for the endpoint itself has the premium in it, and stands for the model's other geographies.
        "us.anthropic.claude-sonnet-9-v1:0, 3.3, us.anthropic.claude-sonnet-9-v1:0, 3.3",
        "us.anthropic.claude-sonnet-9-v1:0, 3.3, eu.anthropic.claude-sonnet-9-v1:0, 3.3",
        // One for the bare Bedrock name is the list price, which a geography's endpoint bills a tenth more.
        "anthropic.claude-sonnet-9-v1:0,    3,   anthropic.claude-sonnet-9-v1:0,    3",
        "anthropic.claude-sonnet-9-v1:0,    3,   eu.anthropic.claude-sonnet-9-v1:0, 3.3"
    })
    void a_list_that_prices_a_bedrock_name_is_read_with_or_without_the_regional_premium_as_that_name_says(
            String listed, double input, String logged, double billed, @TempDir Path dir) throws IOException {
        Path list = Files.writeString(dir.resolve("litellm.json"), """
                {"sample_spec": {"mode": "one of: chat, embedding", "input_cost_per_token": 0.0},
                 "%s": {"mode": "chat", "input_cost_per_token": %s, "output_cost_per_token": 1.5e-05}}
                """.formatted(listed, input / 1e6));

        PriceTable table = PriceTable.bundled().overriddenByLiteLlm(list, 1);

        assertThat(table.price(logged).orElseThrow().input()).isCloseTo(billed, within(1e-9));
    }

    @Test
    void inference_kept_in_the_us_bills_a_tenth_more_of_every_price() {
        // Anthropic's data residency pricing: inference_geo "us" at 1.1 times every token price, fast mode's too.
        assertThat(bundled.price("claude-sonnet-4-6@us")).contains(new ModelPrice(3.3, 16.5, 4.125, 6.6, 0.33));
        assertThat(bundled.price("claude-opus-4-6-fast@us")).contains(new ModelPrice(33, 165, 41.25, 66, 3.3));
        assertThat(bundled.price("claude-unknown-9@us")).isEmpty();
    }

    @Test
    void a_litellm_list_too_short_to_be_whole_or_not_json_is_refused_naming_it(@TempDir Path dir) throws IOException {
        Path partial = Files.writeString(dir.resolve("partial.json"),
                "{\"gpt-5\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 1e-05}}");
        Path torn = Files.writeString(dir.resolve("torn.json"), "{\"gpt-5\": {\"mode\": \"ch");
        Path wrong = Files.writeString(dir.resolve("wrong.json"),
                "{\"gpt-5\": {\"mode\": \"chat\", \"input_cost_per_token\": \"cheap\", \"output_cost_per_token\": 1}}");

        assertThatThrownBy(() -> bundled.overriddenByLiteLlm(partial, 2)).isInstanceOf(PriceTableException.class)
                .hasMessageStartingWith(partial + ": only 1 priced chat models");
        assertThatThrownBy(() -> bundled.overriddenByLiteLlm(torn, 2)).isInstanceOf(PriceTableException.class)
                .hasMessageStartingWith(torn + ": not valid JSON");
        assertThatThrownBy(() -> bundled.overriddenByLiteLlm(wrong, 1)).isInstanceOf(PriceTableException.class)
                .hasMessageStartingWith(wrong + ": model gpt-5: input_cost_per_token is not a price");
    }
}
