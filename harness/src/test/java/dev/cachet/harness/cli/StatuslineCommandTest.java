package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cachet statusline} on Claude Code's documented statusline input and a transcript of two calls of
 * claude-sonnet-4-6 that wrote 1-hour cache entries (the second logged over two lines as it streamed, and a torn
 * last line as Claude Code leaves one while writing).
 */
class StatuslineCommandTest {
    // claude-sonnet-4-6 per million tokens: $3 input, $6 1-hour cache write, $0.30 cache read, $15 output.
    private static final double FIRST = (10 * 3.0 + 20_000 * 6.0 + 500 * 15.0) / 1e6;
    private static final double SECOND = (5 * 3.0 + 4_000 * 6.0 + 20_000 * 0.3 + 300 * 15.0) / 1e6;
    private static final long LAST_INPUT = 5 + 4_000 + 20_000;

    @Test
    void a_cold_cache_says_how_long_and_what_the_next_turn_pays_to_write_it_again() throws Exception {
        CliRun run = CliRun.withInput(at("2026-01-05T11:37:00Z"), input(), "statusline");

        assertThat(run.exitCode()).as(run.err()).isZero();
        double hitRate = 20_000.0 / (20_010 + LAST_INPUT);
        // The session's writes were 1-hour writes: cold 67 minutes after the last call, at 10:30.
        String expected = String.join(" | ", "Sonnet 4.6",
                String.format(Locale.ROOT, "ctx %.0f%%", 100.0 * LAST_INPUT / 200_000),
                String.format(Locale.ROOT, "$%.2f", FIRST + SECOND),
                String.format(Locale.ROOT, "hit %.0f%%", 100 * hitRate),
                String.format(Locale.ROOT, "$%.2f/h", (FIRST + SECOND) / 0.5),
                String.format(Locale.ROOT, "cache cold for 1h 07m: next turn re-writes 24K tokens, ~$%.2f",
                        LAST_INPUT * 6.0 / 1e6));
        assertThat(run.out()).isEqualTo(expected + System.lineSeparator());
        assertThat(expected).isEqualTo("Sonnet 4.6 | ctx 12% | $0.16 | hit 45% | $0.32/h | cache cold for 1h 07m: "
                + "next turn re-writes 24K tokens, ~$0.14");
    }

    @Test
    void responses_a_relay_names_alike_are_each_counted(@TempDir Path dir) throws Exception {
        // A gateway between Claude Code and its model can give every response one message id and no request id.
        Path fixture = Path.of(StatuslineCommandTest.class.getResource("/statusline/transcript.jsonl").toURI());
        Path relayed = Files.writeString(dir.resolve("relayed.jsonl"), Files.readString(fixture)
                .replaceAll("\"requestId\":\"req_\\d\",", "").replaceAll("msg_\\d", "relay"));

        CliRun run = CliRun.withInput(at("2026-01-05T11:37:00Z"),
                input().replace(fixture.toString(), relayed.toString()), "statusline");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(String.format(Locale.ROOT, " | $%.2f | ", FIRST + SECOND));
    }

    @Test
    void responses_fast_mode_served_cost_their_fast_price(@TempDir Path dir) throws Exception {
        Path fixture = Path.of(StatuslineCommandTest.class.getResource("/statusline/transcript.jsonl").toURI());
        Path fast = Files.writeString(dir.resolve("fast.jsonl"), Files.readString(fixture)
                .replace("claude-sonnet-4-6", "claude-opus-4-6")
                .replace("\"output_tokens\"", "\"speed\":\"fast\",\"output_tokens\""));

        CliRun run = CliRun.withInput(at("2026-01-05T11:37:00Z"),
                input().replace(fixture.toString(), fast.toString()), "statusline");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // Opus 4.6 per million tokens: $5 input, $10 1-hour write, $0.50 read, $25 output; six times that when fast.
        double first = 6 * (10 * 5.0 + 20_000 * 10.0 + 500 * 25.0) / 1e6;
        double second = 6 * (5 * 5.0 + 4_000 * 10.0 + 20_000 * 0.5 + 300 * 25.0) / 1e6;
        assertThat(run.out()).contains(String.format(Locale.ROOT, " | $%.2f | ", first + second));
    }

    @Test
    void a_warm_cache_says_how_long_it_has_left() throws Exception {
        CliRun run = CliRun.withInput(at("2026-01-05T10:45:00Z"), input(), "statusline");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith(" | cache warm, 45 min left" + System.lineSeparator());
    }

    @Test
    void garbage_or_nothing_on_stdin_prints_a_short_line_and_exits_0() {
        for (String stdin : new String[] {"not json {", "", "[1, 2]"}) {
            CliRun run = CliRun.withInput(at("2026-01-05T10:45:00Z"), stdin, "statusline");

            assertThat(run.exitCode()).as(stdin).isZero();
            assertThat(run.out()).as(stdin).isEqualTo(StatuslineCommand.FALLBACK + System.lineSeparator());
        }
    }

    @Test
    void without_a_transcript_it_shows_what_claude_code_gave() {
        CliRun run = CliRun.withInput(at("2026-01-05T10:45:00Z"),
                "{\"model\": {\"id\": \"claude-opus-4-6\", \"display_name\": \"Opus\"}, \"cost\": {\"total_cost_usd\": 1.5}}",
                "statusline");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Opus | $1.50" + System.lineSeparator());
    }

    @Test
    void a_transcript_not_written_yet_shows_what_claude_code_gave() {
        CliRun run = CliRun.withInput(at("2026-01-05T10:45:00Z"), "{\"transcript_path\": \"/nonexistent/t.jsonl\", "
                + "\"model\": {\"id\": \"claude-opus-4-6\", \"display_name\": \"Opus\"}, \"cost\": {\"total_cost_usd\": 1.5}}",
                "statusline");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Opus | $1.50" + System.lineSeparator());
    }

    @Test
    void fields_of_the_wrong_type_are_left_out() {
        CliRun run = CliRun.withInput(at("2026-01-05T10:45:00Z"),
                "{\"transcript_path\": \"/nonexistent/t.jsonl\", \"model\": {\"id\": 3}, \"cost\": \"a lot\"}",
                "statusline");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Claude" + System.lineSeparator());
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static String input() throws IOException, URISyntaxException {
        Path transcript = Path.of(StatuslineCommandTest.class.getResource("/statusline/transcript.jsonl").toURI());
        Path input = Path.of(StatuslineCommandTest.class.getResource("/statusline/input.json").toURI());
        return Files.readString(input).replace("TRANSCRIPT", transcript.toString());
    }
}
