package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.ReplayCommandTest.json;
import static dev.cachet.harness.cli.ReplayCommandTest.keys;
import static dev.cachet.harness.cli.ReplayCommandTest.stream;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The period and block views of {@code cachet stats} on two hand-made Claude Code logs of two projects. */
class StatsReportsTest {
    // claude-sonnet-4-6: $3 input, $15 output; claude-haiku-4-5: $1 input, $5 output, per million tokens.
    private static final double SONNET_CALL = (1000 * 3.0 + 100 * 15.0) / 1e6;
    private static final double HAIKU_BIG = (2000 * 1.0 + 200 * 5.0) / 1e6;
    private static final double HAIKU_SMALL = (1000 * 1.0 + 100 * 5.0) / 1e6;

    @TempDir
    Path dir;

    private Path alpha;
    private Path beta;

    @BeforeEach
    void logs() throws IOException {
        alpha = write("-home-me-alpha", "s-a", List.of(
                call("s-a", "a1", "claude-sonnet-4-6", 1000, 100, "2026-01-04T23:30:00Z"),
                call("s-a", "a2", "claude-sonnet-4-6", 1000, 100, "2026-01-05T01:00:00Z")));
        beta = write("-home-me-beta", "s-b", List.of(
                call("s-b", "b1", "claude-haiku-4-5", 2000, 200, "2026-01-05T10:00:00Z"),
                call("s-b", "b2", "claude-haiku-4-5", 2000, 200, "2026-01-06T10:00:00Z"),
                call("s-b", "b3", "claude-haiku-4-5", 1000, 100, "2026-01-06T10:30:00Z")));
    }

    @Test
    void days_split_at_midnight_in_the_time_zone_asked_for() {
        JsonNode utc = report("daily", "--timezone", "UTC");
        JsonNode newYork = report("daily", "--timezone", "America/New_York");

        assertThat(periods(utc)).containsExactly("2026-01-04 1", "2026-01-05 2", "2026-01-06 2");
        // Five hours behind UTC, the call at 01:00 UTC on the 5th was made on the evening of the 4th.
        assertThat(periods(newYork)).containsExactly("2026-01-04 2", "2026-01-05 1", "2026-01-06 2");
        JsonNode fourth = newYork.get("periods").get(0);
        assertThat(fourth.get("cost_usd").asDouble()).isCloseTo(2 * SONNET_CALL, within(1e-12));
        assertThat(stream(fourth.get("models")).map(m -> m.get("model").asText())).containsExactly("claude-sonnet-4-6");
    }

    @Test
    void weeks_and_months_add_up_the_days() {
        assertThat(periods(report("weekly", "--timezone", "UTC"))).containsExactly("2025-12-29 1", "2026-01-05 4");
        assertThat(periods(report("monthly", "--timezone", "UTC"))).containsExactly("2026-01 5");
    }

    @Test
    void every_report_total_is_the_sum_of_the_sessions() {
        JsonNode sessions = report("session");
        double cost = 2 * SONNET_CALL + 2 * HAIKU_BIG + HAIKU_SMALL;

        assertThat(sessions.get("total").get("cost_usd").asDouble()).isCloseTo(cost, within(1e-12));
        for (String view : List.of("daily", "weekly", "monthly")) {
            JsonNode total = report(view, "--timezone", "Asia/Tokyo").get("total");
            assertThat(total.get("cost_usd").asDouble()).as(view).isCloseTo(cost, within(1e-12));
            assertThat(total.get("calls").asInt()).as(view).isEqualTo(sessions.get("total").get("calls").asInt());
            assertThat(total.get("usage").get("input_tokens").asLong()).as(view)
                    .isEqualTo(sessions.get("total").get("input_tokens").asLong());
        }
    }

    @Test
    void the_json_of_a_period_report_has_periods_and_a_total() {
        JsonNode report = report("daily", "--timezone", "UTC");

        assertThat(keys(report)).containsExactly("periods", "total", "undated_calls");
        assertThat(keys(report.get("periods").get(0))).containsExactly("period", "calls", "usage", "cost_usd", "priced",
                "usage_known", "models");
        assertThat(keys(report.get("periods").get(0).get("models").get(0)))
                .containsExactly("model", "calls", "usage", "cost_usd", "usage_known");
        assertThat(report.get("total").get("period").asText()).isEqualTo("total");
        assertThat(report.at("/total/usage/output_tokens").asLong()).isEqualTo(700);
    }

    @Test
    void a_period_whose_cost_leaves_out_a_call_without_a_bill_says_so() throws IOException {
        // A response written without its usage: counted as a call, its cost unknown.
        write("-home-me-beta", "s-b", List.of(call("s-b", "b1", "claude-haiku-4-5", 2000, 200, "2026-01-05T10:00:00Z"),
                call("s-b", "b2", "claude-haiku-4-5", 2000, 200, "2026-01-06T10:00:00Z")
                        .replaceFirst(",\"usage\":\\{[^}]*}", ""),
                call("s-b", "b3", "claude-haiku-4-5", 1000, 100, "2026-01-06T10:30:00Z")));

        JsonNode report = report("daily", "--timezone", "UTC");
        CliRun table = CliRun.of("stats", "daily", alpha.toString(), beta.toString(), "--timezone", "UTC");

        assertThat(stream(report.get("periods")).map(p -> p.get("period").asText() + " " + p.get("usage_known")))
                .containsExactly("2026-01-04 true", "2026-01-05 true", "2026-01-06 false");
        assertThat(report.at("/total/usage_known").asBoolean()).isFalse();
        assertThat(table.out().lines().filter(line -> line.startsWith("2026-01-06") || line.startsWith("total")))
                .hasSize(2).allMatch(line -> line.matches(".*\\$\\d+\\.\\d\\d\\+ .*"));
        assertThat(table.out().lines().filter(line -> line.startsWith("2026-01-05")))
                .noneMatch(line -> line.contains("+"));
        // The model whose call it was, under that day, and the HTML page's headline say so too.
        CliRun breakdown = CliRun.of("stats", "daily", alpha.toString(), beta.toString(), "--timezone", "UTC",
                "--breakdown");
        List<String> sixth = breakdown.out().lines().dropWhile(line -> !line.startsWith("2026-01-06")).limit(2).toList();
        assertThat(sixth).hasSize(2).allMatch(line -> line.matches(".*\\$\\d+\\.\\d\\d\\+ .*"));
        assertThat(report.at("/periods/2/models/0/usage_known").asBoolean()).isFalse();
        CliRun html = CliRun.of("stats", "daily", alpha.toString(), beta.toString(), "--timezone", "UTC",
                "--format", "html");
        assertThat(html.out()).containsPattern("sessions, \\$\\d+\\.\\d\\d\\+</p>");
        // So do the blocks view and the session view's total line.
        assertThat(CliRun.of("stats", "blocks", alpha.toString(), beta.toString(), "--timezone", "UTC").out().lines()
                .filter(line -> line.startsWith("2026-01-06"))).hasSize(1)
                .allMatch(line -> line.matches(".*\\$\\d+\\.\\d\\d\\+ .*"));
        assertThat(CliRun.of("stats", alpha.toString(), beta.toString()).out())
                .containsPattern("output, \\$\\d+\\.\\d\\d\\+ priced");
    }

    @Test
    void since_and_until_keep_the_days_between_them_in_either_spelling() {
        JsonNode fifth = report("session", "--since", "20260105", "--until", "2026-01-05", "--timezone", "UTC");

        assertThat(stream(fifth.get("sessions")).map(s -> s.get("session").asText() + " " + s.get("calls").asInt()))
                .containsExactly("s-a.jsonl 1", "s-b.jsonl 1");
        assertThat(fifth.at("/total/cost_usd").asDouble()).isCloseTo(SONNET_CALL + HAIKU_BIG, within(1e-12));
        assertThat(periods(report("daily", "--since", "2026-01-06", "--timezone", "UTC"))).containsExactly("2026-01-06 2");
    }

    @Test
    void a_cachet_workspace_is_chosen_by_its_name_without_the_hash_its_directory_adds() throws IOException {
        Path sessions = Files.createDirectories(dir.resolve("sessions/my-app-881cf78b9b1b"));
        Path log = Files.copy(alpha, sessions.resolve("s-a.jsonl"));

        CliRun chosen = CliRun.of("stats", log.toString(), "--project", "my-app", "--json");
        CliRun other = CliRun.of("stats", log.toString(), "--project", "my", "--json");

        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        assertThat(json(chosen.out()).at("/total/sessions").asInt()).isOne();
        assertThat(other.exitCode()).isEqualTo(ExitCodes.INPUT);
    }

    @Test
    void project_and_source_choose_the_logs() {
        assertThat(stream(report("session", "--project", "beta").get("sessions")).map(s -> s.get("session").asText()))
                .containsExactly("s-b.jsonl");
        assertThat(report("session", "--source", "claude-code").at("/total/sessions").asInt()).isEqualTo(2);
        assertThat(report("session", "--source", "codex").at("/total/sessions").asInt()).isZero();
    }

    @Test
    void blocks_split_at_gaps_and_the_active_one_projects_its_burn_rate_to_its_end() {
        Clock now = Clock.fixed(Instant.parse("2026-01-06T11:00:00Z"), ZoneOffset.UTC);
        CliRun run = CliRun.at(now, "stats", "blocks", alpha.toString(), beta.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> blocks = stream(json(run.out()).get("blocks")).toList();
        assertThat(blocks).extracting(b -> b.get("start").asText() + " " + b.get("calls").asInt() + " "
                + b.get("active").asBoolean())
                .containsExactly("2026-01-04T23:00:00Z 2 false", "2026-01-05T10:00:00Z 1 false",
                        "2026-01-06T10:00:00Z 2 true");
        JsonNode burn = blocks.get(2).get("burn");
        // 2,200 + 1,100 tokens in the 30 minutes from 10:00 to 10:30; four hours left until 15:00.
        assertThat(burn.get("tokens_per_minute").asDouble()).isCloseTo(110, within(1e-9));
        assertThat(burn.get("usd_per_hour").asDouble()).isCloseTo((HAIKU_BIG + HAIKU_SMALL) * 2, within(1e-12));
        assertThat(burn.get("projected_tokens").asLong()).isEqualTo(3300 + 240 * 110);
        assertThat(burn.get("projected_usd").asDouble())
                .isCloseTo(HAIKU_BIG + HAIKU_SMALL + 4 * (HAIKU_BIG + HAIKU_SMALL) * 2, within(1e-12));
        CliRun table = CliRun.at(now, "stats", "blocks", alpha.toString(), beta.toString(), "--timezone", "UTC");
        assertThat(table.out()).containsPattern("(?m)^2026-01-06 10:00 +2 +3\\.3K +\\$0\\.00 +4h 00m +110 +\\$0\\.01 +\\$0\\.04$");
    }

    @Test
    void every_table_fits_an_80_column_terminal() {
        for (String view : List.of("daily", "weekly", "monthly", "blocks")) {
            CliRun run = view.equals("blocks") ? CliRun.of("stats", view, alpha.toString(), beta.toString())
                    : CliRun.of("stats", view, alpha.toString(), beta.toString(), "--breakdown");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines()).as(view).isNotEmpty().allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
        }
        assertThat(CliRun.of("stats", "daily", alpha.toString(), "--breakdown", "--timezone", "UTC").out())
                .containsPattern("(?m)^2026-01-04 +1 +1\\.0K +0 +0 +100 +\\$0\\.00 +0\\.0%$")
                .containsPattern("(?m)^  claude-sonnet-4-6 +1 ");
    }

    @Test
    void an_option_the_report_asked_for_would_not_show_is_bad_usage_naming_why() {
        Map<List<String>, String> refused = Map.of(
                List.of("daily", "--what-if", "hybrid"), "the daily view has none",
                List.of("--format", "html", "--what-if", "hybrid"), "--format html has none",
                List.of("--breakdown"), "the session view has a row per session",
                List.of("blocks", "--breakdown"), "the blocks view has a row per block",
                List.of("daily", "--format", "html", "--breakdown"), "the page shows the daily cost by model",
                List.of("--json", "--format", "html"), "ask for two formats; give one");
        refused.forEach((options, why) -> {
            List<String> args = new ArrayList<>(List.of("stats"));
            args.addAll(options);
            args.add(alpha.toString());
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as("%s", options).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().lines()).as("%s", options).singleElement(as(STRING)).startsWith("cachet: --")
                    .endsWith(why + " (see 'cachet stats --help')");
            assertThat(run.out()).isEmpty();
        });
    }

    @Test
    void html_is_one_page_with_the_three_charts() {
        CliRun run = CliRun.of("stats", alpha.toString(), beta.toString(), "--format", "html");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("<!DOCTYPE html>").contains("Cost per day by model", "Cache hit rate per day",
                "Context growth of the largest sessions", "claude-haiku-4-5").doesNotContain("<script", "src=", "href=");
        assertThat(run.out().split("<svg", -1)).hasSize(4);
        // A model under its day is indented by style: HTML would collapse the spaces the table indents it with.
        assertThat(run.out()).contains("<td class=\"sub\">claude-haiku-4-5</td>").doesNotContain("<td>  ");
    }

    @Test
    void a_bad_day_zone_or_source_is_named_in_one_line() {
        CliRun day = CliRun.of("stats", "daily", alpha.toString(), "--since", "2026-13-01");
        CliRun zone = CliRun.of("stats", "daily", alpha.toString(), "--timezone", "Mars/Olympus");
        CliRun source = CliRun.of("stats", alpha.toString(), "--source", "cursor");
        CliRun order = CliRun.of("stats", alpha.toString(), "--since", "2026-02-01", "--until", "2026-01-01");
        CliRun project = CliRun.of("stats", alpha.toString(), "--project", "gamma");

        assertThat(day.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(day.err()).contains("'2026-13-01' is not a day such as 2026-01-31 or 20260131");
        assertThat(zone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(zone.err()).contains("'Mars/Olympus' is not a time zone");
        assertThat(source.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(source.err()).contains("--source cursor: not a log format cachet reads");
        assertThat(order.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(order.err()).contains("--until 2026-01-01 is before --since 2026-02-01");
        assertThat(project.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(project.err()).contains("--project gamma: none of the 1 logs found");
    }

    private JsonNode report(String view, String... options) {
        List<String> args = new ArrayList<>(List.of("stats", view, alpha.toString(), beta.toString(), "--json"));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return json(run.out());
    }

    private static List<String> periods(JsonNode report) {
        return stream(report.get("periods")).map(p -> p.get("period").asText() + " " + p.get("calls").asInt()).toList();
    }

    private Path write(String project, String session, List<String> lines) throws IOException {
        Path file = Files.createDirectories(dir.resolve(project)).resolve(session + ".jsonl");
        return Files.write(file, lines);
    }

    /** An assistant message of Claude Code's log that billed {@code uncached} input and {@code output} tokens. */
    static String call(String session, String id, String model, long uncached, long output, String at) {
        return "{\"parentUuid\":null,\"isSidechain\":false,\"sessionId\":\"" + session + "\",\"type\":\"assistant\","
                + "\"message\":{\"model\":\"" + model + "\",\"id\":\"msg_" + id + "\",\"type\":\"message\",\"role\":"
                + "\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"usage\":{\"input_tokens\":"
                + uncached + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":"
                + output + "}},\"timestamp\":\"" + at + "\",\"uuid\":\"u-" + id + "\"}";
    }
}
