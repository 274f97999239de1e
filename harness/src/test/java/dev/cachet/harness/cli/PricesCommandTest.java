package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.ReplayCommandTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricesCommandTest {
    /** A model only the served list prices, at $2 input, $8 output, $0.20 cache read per million tokens. */
    private static final String LISTED_MODEL = "served-model-1";

    @TempDir
    Path home;

    @StartStop
    final MockWebServer server = new MockWebServer();

    private Map<String, String> environment() {
        return Map.of("HOME", home.toString());
    }

    /** A price list in LiteLLM's shape with {@code filler} made-up chat models besides the listed one. */
    private static String priceList(int filler) {
        StringBuilder json = new StringBuilder("{\"sample_spec\": {\"mode\": \"one of: chat, embedding\"},\n");
        for (int i = 0; i < filler; i++) {
            json.append(String.format(Locale.ROOT, "\"filler-%d\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e-06,"
                    + " \"output_cost_per_token\": 2e-06},%n", i));
        }
        return json.append("\"openrouter/").append(LISTED_MODEL).append("\": {\"mode\": \"chat\", \"input_cost_per_token\":"
                + " 2e-06, \"output_cost_per_token\": 8e-06, \"cache_read_input_token_cost\": 2e-07}}").toString();
    }

    private Path log() throws IOException {
        return Files.write(home.resolve("listed.jsonl"), List.of(
                "{\"parentUuid\":null,\"isSidechain\":false,\"sessionId\":\"s-l\",\"type\":\"user\",\"message\":"
                        + "{\"role\":\"user\",\"content\":\"go\"},\"timestamp\":\"2026-01-01T10:00:00Z\",\"uuid\":\"u\"}",
                "{\"parentUuid\":\"u\",\"isSidechain\":false,\"sessionId\":\"s-l\",\"type\":\"assistant\",\"message\":"
                        + "{\"model\":\"" + LISTED_MODEL + "\",\"id\":\"m\",\"role\":\"assistant\",\"content\":[],"
                        + "\"usage\":{\"input_tokens\":1000,\"cache_read_input_tokens\":10000,\"output_tokens\":100}},"
                        + "\"requestId\":\"r\",\"timestamp\":\"2026-01-01T10:00:01Z\",\"uuid\":\"a\"}"));
    }

    private JsonNode session(Path log) {
        CliRun stats = CliRun.withEnvironment(environment(), "stats", log.toString(), "--format", "json");
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        return json(stats.out()).get("sessions").get(0);
    }

    @Test
    void an_update_keeps_the_served_list_in_the_cache_and_lookups_price_from_it() throws IOException {
        Path log = log();
        assertThat(session(log).get("priced").asBoolean()).isFalse();
        server.enqueue(new MockResponse.Builder().code(200).body(priceList(150)).build());

        CliRun update = CliRun.withEnvironment(environment(), "prices", "update", "--url", server.url("/prices.json").toString());

        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out()).startsWith("151 priced models from " + server.url("/prices.json"));
        assertThat(home.resolve(".cache/cachet/prices/litellm.json")).exists();
        JsonNode session = session(log);
        assertThat(session.get("priced").asBoolean()).isTrue();
        assertThat(session.get("cost_usd").asDouble()).isCloseTo((1000 * 2.0 + 10000 * 0.2 + 100 * 8.0) / 1e6, within(1e-12));
    }

    @Test
    void a_corrupt_or_partial_list_is_refused_and_the_list_kept_before_stays_in_use() throws IOException {
        Path log = log();
        server.enqueue(new MockResponse.Builder().code(200).body(priceList(150)).build());
        String url = server.url("/prices.json").toString();
        assertThat(CliRun.withEnvironment(environment(), "prices", "update", "--url", url).exitCode()).isZero();
        String kept = Files.readString(home.resolve(".cache/cachet/prices/litellm.json"));
        String whole = priceList(150);
        server.enqueue(new MockResponse.Builder().code(200).body(whole.substring(0, whole.length() / 2)).build());
        server.enqueue(new MockResponse.Builder().code(200).body(priceList(3)).build());
        server.enqueue(new MockResponse.Builder().code(503).body("unavailable").build());

        CliRun torn = CliRun.withEnvironment(environment(), "prices", "update", "--url", url);
        CliRun partial = CliRun.withEnvironment(environment(), "prices", "update", "--url", url);
        CliRun down = CliRun.withEnvironment(environment(), "prices", "update", "--url", url);

        assertThat(torn.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(torn.err()).contains(url + ": not valid JSON")
                .contains("the price list fetched before stays in use");
        assertThat(partial.err()).contains(url + ": only 4 priced chat models").contains("refused as partial");
        assertThat(down.err()).contains(url + ": HTTP 503");
        assertThat(Files.readString(home.resolve(".cache/cachet/prices/litellm.json"))).isEqualTo(kept);
        assertThat(home.resolve(".cache/cachet/prices")).isDirectoryNotContaining("glob:**.part");
        assertThat(session(log).get("priced").asBoolean()).isTrue();
    }

    @Test
    void offline_drops_the_fetched_list_and_prices_with_the_bundled_table() throws IOException {
        Path log = log();
        server.enqueue(new MockResponse.Builder().code(200).body(priceList(150)).build());
        CliRun.withEnvironment(environment(), "prices", "update", "--url", server.url("/p.json").toString());

        CliRun offline = CliRun.withEnvironment(environment(), "prices", "update", "--offline");

        assertThat(offline.exitCode()).as(offline.err()).isZero();
        assertThat(offline.out()).startsWith("pricing with the bundled table only: ");
        assertThat(home.resolve(".cache/cachet/prices/litellm.json")).doesNotExist();
        assertThat(session(log).get("priced").asBoolean()).isFalse();
        assertThat(server.getRequestCount()).isOne();
    }
}
