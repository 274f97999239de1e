package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.ReplayCommandTest.json;
import static dev.cachet.harness.cli.ReplayCommandTest.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each leak flag of {@code cachet stats} with what it cost, on a hand-made Claude Code log of claude-sonnet-4-6. */
class StatsLeaksTest {
    // claude-sonnet-4-6 per million tokens: $3 input, $3.75 5-minute and $6 1-hour writes, $0.30 cache read.
    private static final double ABOVE_READ_UNCACHED = (3.0 - 0.3) / 1e6;
    private static final double ABOVE_READ_WRITE_5M = (3.75 - 0.3) / 1e6;

    @TempDir
    Path dir;

    @Test
    void a_rewrite_after_the_ttl_and_a_prefix_sent_uncached_are_flagged_with_what_they_cost() throws IOException {
        Path log = log(false);

        CliRun run = CliRun.of("stats", log.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode session = json(run.out()).get("sessions").get(0);
        assertThat(stream(session.get("leaks")).map(JsonNode::asText))
                .containsExactly("LOW_CACHE_HIT", "EXPIRED_CACHE_REWRITE", "UNCACHED_PREFIX");
        List<JsonNode> costs = stream(session.get("leak_costs")).toList();
        // Calls 1 and 3 read under half their input from the cache; everything they wrote or sent uncached counts.
        assertThat(costs.get(0).get("count").asInt()).isEqualTo(2);
        assertThat(costs.get(0).get("cost_usd").asDouble()).isCloseTo(
                (10 + 10) * ABOVE_READ_UNCACHED + (30_000 + 31_000) * ABOVE_READ_WRITE_5M, within(1e-12));
        // Call 3 came 18 minutes after call 2, past the 5-minute TTL, and wrote the prefix again.
        assertThat(costs.get(1).get("count").asInt()).isOne();
        assertThat(costs.get(1).get("cost_usd").asDouble()).isCloseTo(31_000 * ABOVE_READ_WRITE_5M, within(1e-12));
        // Call 4 sent 15,000 tokens uncached.
        assertThat(costs.get(2).get("count").asInt()).isOne();
        assertThat(costs.get(2).get("cost_usd").asDouble()).isCloseTo(15_000 * ABOVE_READ_UNCACHED, within(1e-12));
        assertThat(CliRun.of("stats", log.toString()).out())
                .contains("cache rewritten after a pause past its TTL: 1x, $0.11")
                .contains("large prefix re-sent uncached (> 10k tokens): 1x, $0.04");
    }

    @Test
    void a_session_that_wrote_for_an_hour_is_not_cold_after_18_minutes() throws IOException {
        JsonNode session = json(CliRun.of("stats", log(true).toString(), "--json").out()).get("sessions").get(0);

        assertThat(stream(session.get("leaks")).map(JsonNode::asText)).doesNotContain("EXPIRED_CACHE_REWRITE");
    }

    @Test
    void on_a_model_priced_with_no_cache_discount_what_cost_nothing_is_no_leak() throws IOException {
        // The bundled table prices Llama 4 Maverick at OpenRouter with cache reads at the input price.
        Path log = log(false);
        Files.writeString(log, Files.readString(log).replace("claude-sonnet-4-6", "llama-4-maverick"));

        JsonNode session = json(CliRun.of("stats", log.toString(), "--json").out()).get("sessions").get(0);

        assertThat(session.get("cost_usd").asDouble()).isPositive();
        assertThat(session.get("leaks")).as("the same calls flag three leaks on claude-sonnet-4-6").isEmpty();
    }

    @Test
    void on_a_free_model_a_context_that_ran_away_is_still_flagged() throws IOException {
        Path home = dir.resolve("home");
        Files.writeString(Files.createDirectories(home.resolve(".config/cachet")).resolve("prices.yaml"),
                "models:\n  free-model: { input: 0, output: 0, cache_write_5m: 0, cache_write_1h: 0, cache_read: 0 }\n");
        List<String> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // Sent uncached: input that only grows, five calls of 10k tokens, then five of 100k.
            calls.add(call(String.valueOf(i), i < 5 ? 10_000 : 100_000, 0, 0, "10:0" + i + ":00", false)
                    .replace("claude-sonnet-4-6", "free-model"));
        }
        Path log = Files.write(dir.resolve("free.jsonl"), calls);

        JsonNode session = json(CliRun.withEnvironment(Map.of("HOME", home.toString()), "stats", log.toString(),
                "--json").out()).get("sessions").get(0);

        assertThat(stream(session.get("leaks")).map(JsonNode::asText)).containsExactly("RUNAWAY_CONTEXT");
    }

    private Path log(boolean hour) throws IOException {
        return Files.write(dir.resolve(hour ? "hour.jsonl" : "minutes.jsonl"), List.of(
                call("1", 10, 30_000, 0, "10:00:00", hour),
                call("2", 10, 1_000, 30_000, "10:02:00", hour),
                call("3", 10, 31_000, 0, "10:20:00", hour),
                call("4", 15_000, 0, 31_000, "10:21:00", hour)));
    }

    private static String call(String id, long uncached, long write, long read, String time, boolean hour) {
        return "{\"parentUuid\":null,\"isSidechain\":false,\"sessionId\":\"s-leaks\",\"type\":\"assistant\",\"requestId\":"
                + "\"req_" + id + "\",\"message\":{\"model\":\"claude-sonnet-4-6\",\"id\":\"msg_" + id + "\",\"type\":"
                + "\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"usage\":"
                + "{\"input_tokens\":" + uncached + ",\"cache_creation_input_tokens\":" + write
                + ",\"cache_read_input_tokens\":" + read + ",\"cache_creation\":{\"ephemeral_5m_input_tokens\":"
                + (hour ? 0 : write) + ",\"ephemeral_1h_input_tokens\":" + (hour ? write : 0) + "},\"output_tokens\":100}},"
                + "\"timestamp\":\"2026-01-05T" + time + "Z\",\"uuid\":\"u-" + id + "\"}";
    }
}
