package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.ReplayCommandTest.json;
import static dev.cachet.harness.cli.ReplayCommandTest.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keep-alive pings and summaries of cachet's own session logs are billed calls: stats counts them, and shows them
 * apart.
 */
class StatsPingsTest {
    // claude-sonnet-4-6 per million tokens: $3 input, $3.75 cache write, $0.30 cache read, $15 output.
    private static final double TURN_1 = (100 * 3.0 + 20_000 * 3.75 + 40 * 15.0) / 1e6;
    private static final double PING = (20_100 * 0.30 + 15.0) / 1e6;
    private static final double TURN_2 = (30 * 3.0 + 60 * 3.75 + 20_100 * 0.30 + 12 * 15.0) / 1e6;

    @TempDir
    Path dir;

    @Test
    void pings_are_billed_in_the_session_totals_priced_at_its_model_and_counted_apart() throws IOException {
        Path log = pingedSession();

        CliRun run = CliRun.of("stats", log.toString(), "--format", "json", "--no-cache");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = json(run.out());
        JsonNode session = report.get("sessions").get(0);
        assertThat(session.get("turns").asInt()).isEqualTo(2);
        assertThat(session.get("calls").asInt()).isEqualTo(4);
        assertThat(session.get("pings").asInt()).isEqualTo(2);
        assertThat(session.get("ping_cost_usd").asDouble()).isCloseTo(2 * PING, within(1e-12));
        assertThat(session.get("cost_usd").asDouble()).isCloseTo(TURN_1 + 2 * PING + TURN_2, within(1e-12));
        JsonNode usage = session.get("usage");
        assertThat(usage.get("cache_read_tokens").asLong()).isEqualTo(3 * 20_100);
        assertThat(usage.get("output_tokens").asLong()).isEqualTo(40 + 2 + 12);
        // Ten minutes between the turns, but the pings kept the cache warm: its write is no expired rewrite.
        assertThat(stream(session.get("leaks")).map(JsonNode::asText)).doesNotContain("EXPIRED_CACHE_REWRITE");
        assertThat(report.get("total").get("pings").asInt()).isEqualTo(2);
        assertThat(report.get("total").get("ping_cost_usd").asDouble()).isCloseTo(2 * PING, within(1e-12));
    }

    @Test
    void the_table_shows_the_pings_where_it_lists_the_calls_and_the_summary_cache_keeps_them() throws IOException {
        Path log = pingedSession();

        CliRun first = CliRun.of("stats", log.toString());
        CliRun cached = CliRun.of("stats", log.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("(?m)^session\\b.* calls +pings .*$")
                .containsPattern("(?m)^pinged\\.jsonl .* 2 +4 +2, \\$0\\.01 ")
                .contains("4 calls of which 2 pings ($0.0121)");
        assertThat(cached.out()).isEqualTo(first.out());
    }

    @Test
    void a_log_without_pings_shows_no_pings_column() {
        CliRun run = CliRun.of("stats", TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("pings");
    }

    @Test
    void a_summary_is_a_billed_call_of_the_summarizer_not_a_turn() throws IOException {
        Path log = Files.write(dir.resolve("summarized.jsonl"), List.of(Files.readAllLines(pingedSession()).get(0),
                response(1, "2026-11-25T10:00:01Z", 100, 20_000, 0, 40),
                "{\"time\":\"2026-11-25T10:01:00Z\",\"type\":\"summary_response\"," + usage(5_000, 0, 0, 300)
                        + ",\"cost_usd\":0.5,\"summary\":\"what was done\"}",
                response(2, "2026-11-25T10:01:05Z", 30, 60, 20_100, 12)));

        CliRun run = CliRun.of("stats", log.toString(), "--format", "json", "--no-cache");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode session = json(run.out()).get("sessions").get(0);
        double summary = (5_000 * 3.0 + 300 * 15.0) / 1e6;
        assertThat(session.get("turns").asInt()).isEqualTo(2);
        assertThat(session.get("calls").asInt()).isEqualTo(3);
        assertThat(session.get("cost_usd").asDouble()).isCloseTo(TURN_1 + summary + TURN_2, within(1e-12));
        assertThat(stream(session.get("agents")).filter(agent -> agent.get("agent").asText().equals("summarizer")))
                .singleElement().satisfies(agent -> {
                    assertThat(agent.get("calls").asInt()).isOne();
                    assertThat(agent.get("cost_usd").asDouble()).isCloseTo(summary, within(1e-12));
                });
    }

    @Test
    void a_log_copied_into_another_directory_is_billed_once_its_pings_too() throws IOException {
        Path log = pingedSession();
        Path copy = Files.copy(log, Files.createDirectories(dir.resolve("backup")).resolve(log.getFileName()));
        Path renamed = Files.copy(log, dir.resolve("backup/renamed.jsonl"));

        JsonNode report = json(CliRun.of("stats", log.toString(), copy.toString(), renamed.toString(), "--format",
                "json", "--no-cache").out());

        assertThat(report.at("/total/calls").asInt()).isEqualTo(4);
        assertThat(report.at("/total/pings").asInt()).isEqualTo(2);
        assertThat(report.at("/total/cost_usd").asDouble()).isCloseTo(TURN_1 + 2 * PING + TURN_2, within(1e-12));
    }

    @Test
    void with_since_or_until_a_what_if_bills_the_pings_its_row_counts_on_either_side_of_midnight() throws IOException {
        // The first turn and ping before midnight, the second ping and turn after it.
        Path log = Files.writeString(dir.resolve("midnight.jsonl"), Pattern.compile("2026-11-25T[0-9:]+Z")
                .matcher(Files.readString(pingedSession()))
                .replaceAll(at -> Instant.parse(at.group()).plus(Duration.ofMinutes(13 * 60 + 52)).toString()));

        for (String[] days : List.of(new String[] {"--until", "2026-11-25"}, new String[] {"--since", "2026-11-26"})) {
            CliRun run = CliRun.of("stats", log.toString(), "--what-if", "hybrid", "--json", "--no-cache",
                    "--timezone", "UTC", days[0], days[1]);

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode report = json(run.out());
            double row = report.at("/sessions/0/cost_usd").asDouble();
            assertThat(row).as(days[0]).isCloseTo(days[0].equals("--until") ? TURN_1 + PING : PING + TURN_2,
                    within(1e-12));
            assertThat(report.at("/what_if/0/recorded_usd").asDouble()).as(days[0]).isCloseTo(row, within(1e-12));
        }
    }

    /** Two turns ten minutes apart, the cache kept warm between them by two pings at 4.5 and 9 minutes. */
    private Path pingedSession() throws IOException {
        return Files.write(dir.resolve("pinged.jsonl"), List.of(
                "{\"time\":\"2026-11-25T10:00:00Z\",\"type\":\"session_start\",\"session_id\":\"s1\",\"task\":\"Fix it.\","
                        + "\"workspace\":\"/tmp/ws\",\"model\":\"claude-sonnet-4-6\",\"strategy\":\"hybrid\","
                        + "\"system_prompt\":\"You are cachet.\",\"tools\":[\"read_file\"]}",
                response(1, "2026-11-25T10:00:01Z", 100, 20_000, 0, 40),
                ping(1, "2026-11-25T10:04:31Z"),
                ping(2, "2026-11-25T10:09:01Z"),
                "{\"time\":\"2026-11-25T10:10:00Z\",\"type\":\"user_message\",\"turn\":1,\"text\":\"go on\"}",
                response(2, "2026-11-25T10:10:01Z", 30, 60, 20_100, 12)));
    }

    private static String response(int turn, String at, long uncached, long write, long read, long output) {
        return "{\"time\":\"" + at + "\",\"type\":\"model_response\",\"turn\":" + turn + ",\"message\":{\"role\":"
                + "\"assistant\",\"text\":\"ok\"}," + usage(uncached, write, read, output)
                + ",\"cost_usd\":0.5,\"latency_ms\":1000,\"finish_reason\":\"END_TURN\"}";
    }

    private static String ping(int number, String at) {
        return "{\"time\":\"" + at + "\",\"type\":\"keepalive_ping\",\"turn\":1,\"ping\":" + number + ","
                + usage(0, 0, 20_100, 1) + ",\"cost_usd\":0.5}";
    }

    private static String usage(long uncached, long write, long read, long output) {
        return "\"usage\":{\"uncached_input_tokens\":" + uncached + ",\"cache_write_tokens\":" + write
                + ",\"cache_read_tokens\":" + read + ",\"output_tokens\":" + output + ",\"reasoning_tokens\":0}";
    }
}
