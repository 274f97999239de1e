package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.ReplayCommandTest.json;
import static dev.cachet.harness.cli.ReplayCommandTest.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
    private static final String SPOTTER_SESSION = "claude-code-spotter/258c7280-ae70-4798-800f-63464d01a85d.jsonl";

    @TempDir
    Path dir;

    @Test
    void a_claude_code_session_counts_each_api_response_once() throws IOException {
        // The session alone: with its sub-agent's own log beside it, which holds the calls its progress lines relay.
        Path file = Files.copy(Corpus.file(SPOTTER_SESSION), dir.resolve(Path.of(SPOTTER_SESSION).getFileName()));
        Path agents = Files.createDirectories(dir.resolve(file.getFileName().toString().replace(".jsonl", ""))
                .resolve("subagents"));
        Files.writeString(agents.resolve("agent-a881341.jsonl"), "{}\n");
        long[] billed = billedByResponse(file);

        CliRun run = CliRun.of("stats", file.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(billed).as("uncached, cache write, cache read, output, 1-hour writes, walked independently")
                .containsExactly(180, 349_474, 14_771_617, 38_899, 349_474);
        JsonNode session = single(json(run.out()).get("sessions"));
        assertThat(session.get("session").asText()).isEqualTo(file.getFileName().toString());
        assertThat(session.get("format").asText()).isEqualTo("claude-code");
        assertThat(session.get("model").asText()).isEqualTo("claude-opus-4-6");
        JsonNode usage = session.get("usage");
        assertThat(usage.get("uncached_input_tokens").asLong()).isEqualTo(billed[0]);
        assertThat(usage.get("cache_write_tokens").asLong()).isEqualTo(billed[1]);
        assertThat(usage.get("cache_read_tokens").asLong()).isEqualTo(billed[2]);
        assertThat(usage.get("output_tokens").asLong()).isEqualTo(billed[3]);
        assertThat(usage.get("input_tokens").asLong()).isEqualTo(billed[0] + billed[1] + billed[2]);
        // claude-opus-4-6 per million tokens: $5 input, $6.25 5-minute and $10 1-hour cache write, $0.50 cache read,
        // $25 output; every write of this session was a 1-hour write.
        double cost = (billed[0] * 5.0 + (billed[1] - billed[4]) * 6.25 + billed[4] * 10.0 + billed[2] * 0.5
                + billed[3] * 25.0) / 1e6;
        assertThat(session.get("cost_usd").asDouble()).isPositive().isCloseTo(cost, within(1e-6));
        // ccusage 20.0.24 (claude session --offline) bills this session $11.85.
        assertThat(session.get("cost_usd").asDouble()).isCloseTo(11.8539, within(0.01));
        assertThat(usage.get("cache_write_1h_tokens").asLong()).isEqualTo(billed[4]);
        assertThat(session.get("calls").asInt()).isEqualTo(152);
        assertThat(session.get("priced").asBoolean()).isTrue();
        assertThat(session.get("usage_known").asBoolean()).isTrue();
        assertThat(stream(session.get("agents")).map(agent -> agent.get("agent").asText())).containsExactly("main");
        assertThat(single(session.get("models")).get("cost_usd").asDouble()).isCloseTo(cost, within(1e-6));
        assertThat(session.get("cache_hit_rate").asDouble())
                .isCloseTo((double) billed[2] / (billed[0] + billed[1] + billed[2]), within(1e-12));
        assertThat(session.get("hours").asDouble()).isPositive();
        assertThat(session.get("burn_usd_per_hour").asDouble())
                .isCloseTo(cost / session.get("hours").asDouble(), within(1e-6));
        assertThat(session.get("leaks")).isEmpty();
    }

    @Test
    void sessions_without_recorded_usage_are_listed_as_skipped_and_are_no_error() {
        CliRun run = CliRun.of("stats", TraceFixtures.path(TraceFixtures.SWE_AGENT).toString(),
                TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("skipped swe-agent-text.traj: no usage recorded");
        assertThat(stream(json(run.out()).get("sessions")).map(s -> s.get("session").asText()))
                .containsExactly("session.jsonl");
    }

    @Test
    void a_sub_agent_whose_own_log_is_missing_is_counted_from_its_parents_progress_lines() {
        Path file = Corpus.file(SPOTTER_SESSION);

        CliRun run = CliRun.of("stats", file.toString(), "--format", "json", "--no-cache");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode session = single(json(run.out()).get("sessions"));
        // Its two calls relayed, at Sonnet 4.5's prices, beside the session's own 152 (ccusage's daily report
        // counts them too; its session report leaves them out).
        assertThat(session.get("calls").asInt()).isEqualTo(154);
        assertThat(stream(session.get("agents")).map(agent -> agent.get("agent").asText()))
                .containsExactly("main", "claude-code-guide");
        assertThat(stream(session.get("models")).map(model -> model.get("model").asText()))
                .containsExactly("claude-opus-4-6", "claude-sonnet-4-5-20250929");
        assertThat(session.get("cost_usd").asDouble()).isCloseTo(11.8539 + 0.1359, within(0.001));
    }

    @Test
    void a_session_named_alone_counts_its_sub_agents_own_logs_as_its_directory_does() throws IOException {
        Path file = Files.copy(Corpus.file(SPOTTER_SESSION), dir.resolve(Path.of(SPOTTER_SESSION).getFileName()));
        Path agents = Files.createDirectories(dir.resolve(file.getFileName().toString().replace(".jsonl", ""))
                .resolve("subagents"));
        // The relayed sub-agent's own log, which then holds its calls; a made-up one with calls of its own.
        Files.copy(TraceFixtures.path(TraceFixtures.CLAUDE_CODE), agents.resolve("agent-a881341.jsonl"));
        JsonNode agentAlone = json(CliRun.of("stats", agents.resolve("agent-a881341.jsonl").toString(), "--format",
                "json", "--no-cache").out()).get("total");

        CliRun named = CliRun.of("stats", file.toString(), "--format", "json", "--no-cache");
        CliRun directory = CliRun.of("stats", dir.toString(), "--format", "json", "--no-cache");

        assertThat(named.exitCode()).as(named.err()).isZero();
        JsonNode total = json(named.out()).get("total");
        assertThat(total.get("calls").asInt()).isEqualTo(152 + agentAlone.get("calls").asInt());
        assertThat(total).isEqualTo(json(directory.out()).get("total"));
    }

    @Test
    void the_swe_agent_demos_of_the_corpus_have_no_usage_to_report() {
        CliRun run = CliRun.of("stats", Corpus.dir().resolve("swe-agent").toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(l -> l.startsWith("skipped "))).hasSize(6)
                .allMatch(l -> l.endsWith(".traj: no usage recorded"));
        JsonNode report = json(run.out());
        assertThat(report.get("sessions")).isEmpty();
        assertThat(report.get("total").get("sessions").asInt()).isZero();
    }

    @Test
    void a_log_whose_last_line_is_being_written_is_reported_as_it_stood_before_it_and_whole_once_written()
            throws IOException {
        Path live = TraceFixtures.beingWritten(TraceFixtures.CLAUDE_CODE, dir, "session.jsonl");
        List<String> written = Files.readAllLines(TraceFixtures.path(TraceFixtures.CLAUDE_CODE));
        Path before = Files.write(Files.createDirectories(dir.resolve("before")).resolve("session.jsonl"),
                written.subList(0, written.size() - 1));

        CliRun writing = CliRun.of("stats", live.toString(), "--format", "json");

        assertThat(writing.exitCode()).as(writing.err()).isZero();
        assertThat(writing.err()).doesNotContain("skipped");
        assertThat(json(writing.out())).isEqualTo(json(CliRun.of("stats", before.toString(), "--format", "json").out()));
        // Its cached summary stops before the line, which the next run reads once it is whole.
        Files.write(live, written);
        assertThat(json(CliRun.of("stats", live.toString(), "--format", "json").out())).isEqualTo(json(CliRun.of(
                "stats", TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString(), "--format", "json").out()));
    }

    @Test
    void a_line_an_unclean_shutdown_cut_is_left_out_naming_it_every_run_and_the_rest_of_its_log_is_counted()
            throws IOException {
        int cut = 5;
        Path broken = TraceFixtures.cutLine(TraceFixtures.CLAUDE_CODE, dir.resolve("cut"), "session.jsonl", cut);
        Path without = TraceFixtures.withoutLine(TraceFixtures.CLAUDE_CODE, dir.resolve("without"), "session.jsonl", cut);
        JsonNode expected = json(CliRun.of("stats", without.toString(), "--format", "json").out()).get("sessions");

        // Not cached: the second run says so too.
        for (int run = 0; run < 2; run++) {
            CliRun stats = CliRun.of("stats", broken.toString(), "--format", "json");
            assertThat(stats.exitCode()).isEqualTo(ExitCodes.INPUT);
            assertThat(stats.err()).contains("skipped " + broken + ":" + (cut + 1) + ": not valid JSON: ")
                    .contains(", left out; the rest is read");
            assertThat(json(stats.out()).get("sessions")).isEqualTo(expected);
        }
    }

    @Test
    void a_log_skipped_for_recording_no_usage_has_no_calls_in_a_report_by_period() {
        String untimed = Path.of("../evals/src/test/resources/traces/swe-agent/swe-agent-text.traj").toString();
        CliRun daily = CliRun.of("stats", "daily", untimed, TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString());
        CliRun sessions = CliRun.of("stats", "session", "--json", untimed,
                TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString());

        assertThat(daily.err()).contains("skipped swe-agent-text.traj: no usage recorded").doesNotContain("no period");
        assertThat(daily.out()).containsPattern("(?m)^total +" + json(sessions.out()).at("/total/calls").asInt() + " ");
    }

    @Test
    void a_session_that_never_reads_the_cache_is_flagged() throws IOException {
        Path log = dir.resolve("cold.jsonl");
        Files.write(log, List.of(
                user("u-1", "Fix the build", "2026-01-01T10:00:00Z"),
                assistant("msg_1", "a-1", 100, 2000, 0, 10, "2026-01-01T10:00:01Z"),
                user("u-2", "Go on", "2026-01-01T10:05:00Z"),
                assistant("msg_2", "a-2", 150, 2100, 0, 20, "2026-01-01T10:05:01Z")));

        CliRun json = CliRun.of("stats", log.toString(), "--format", "json");
        CliRun table = CliRun.of("stats", log.toString());

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode report = json(json.out());
        JsonNode session = single(report.get("sessions"));
        assertThat(session.get("turns").asInt()).isEqualTo(2);
        assertThat(session.get("cache_hit_rate").asDouble()).isZero();
        assertThat(stream(session.get("leaks")).map(JsonNode::asText)).containsExactly("LOW_CACHE_HIT");
        // claude-sonnet-4-6 per million tokens: $3 input, $3.75 5-minute cache write, $15 output.
        assertThat(session.get("cost_usd").asDouble()).isCloseTo((250 * 3.0 + 4100 * 3.75 + 30 * 15.0) / 1e6, within(1e-12));
        assertThat(report.get("total").get("flagged_sessions").asInt()).isOne();
        // The total's token counts are named as a session's usage names them.
        java.util.List<String> totals = new java.util.ArrayList<>();
        report.get("total").fieldNames().forEachRemaining(totals::add);
        assertThat(totals).contains("uncached_input_tokens", "cache_write_tokens", "cache_write_1h_tokens",
                "cache_read_tokens", "output_tokens").doesNotContain("cache_write1h_tokens");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).containsPattern("(?m)^cold\\.jsonl +claude-sonnet-4-6 +2 .* 0\\.0% .*low cache hit rate \\(< 50%\\): 2x, \\$0\\.01$")
                .contains("1 flagged");
    }

    @Test
    void a_call_a_log_dates_a_billion_years_on_is_reported_not_an_internal_error() throws IOException {
        // An Instant reads up to the year 999999999: the session's span in milliseconds overflowed a long, and one
        // such log failed the whole report ('internal error: long overflow', exit 70) in every format and view.
        Path log = dir.resolve("far.jsonl");
        Files.write(log, List.of(
                user("u-1", "Fix the build", "2026-01-01T10:00:00Z"),
                assistant("msg_1", "a-1", 100, 2000, 0, 10, "2026-01-01T10:00:01Z"),
                user("u-2", "Go on", "2026-01-01T10:05:00Z"),
                assistant("msg_2", "a-2", 150, 2100, 0, 20, "+999999999-12-31T23:59:59Z")));

        CliRun json = CliRun.of("stats", log.toString(), "--format", "json");
        CliRun html = CliRun.of("stats", log.toString(), "--format", "html");

        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(single(json(json.out()).get("sessions")).get("hours").asDouble()).isGreaterThan(8.7e12);
        assertThat(html.exitCode()).as(html.err()).isZero();
    }

    @Test
    void the_json_total_is_the_sum_of_the_sessions() {
        CliRun run = CliRun.of("stats", TraceFixtures.dir().toString(), TraceFixtures.DEMO.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = json(run.out());
        assertThat(ReplayCommandTest.keys(report)).containsExactly("sessions", "total");
        List<JsonNode> sessions = stream(report.get("sessions")).toList();
        assertThat(sessions).hasSizeGreaterThanOrEqualTo(3);
        JsonNode total = report.get("total");
        assertThat(total.get("sessions").asInt()).isEqualTo(sessions.size());
        assertThat(total.get("turns").asInt()).isEqualTo(sessions.stream().mapToInt(s -> s.get("turns").asInt()).sum());
        for (String kind : List.of("input_tokens", "uncached_input_tokens", "cache_write_tokens", "cache_read_tokens",
                "output_tokens")) {
            assertThat(total.get(kind).asLong()).as(kind)
                    .isEqualTo(sessions.stream().mapToLong(s -> s.get("usage").get(kind).asLong()).sum());
        }
        assertThat(total.get("cost_usd").asDouble()).isPositive().isCloseTo(sessions.stream()
                .filter(s -> !s.get("cost_usd").isNull()).mapToDouble(s -> s.get("cost_usd").asDouble()).sum(), within(1e-12));
        assertThat(total.get("cache_hit_rate").asDouble()).isCloseTo(
                (double) total.get("cache_read_tokens").asLong() / total.get("input_tokens").asLong(), within(1e-12));
        assertThat(total.get("flagged_sessions").asInt())
                .isEqualTo((int) sessions.stream().filter(s -> !s.get("leaks").isEmpty()).count());
    }

    @Test
    void sessions_from_files_of_the_same_name_are_told_apart_by_their_directories() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("a")).resolve("session.jsonl");
        // Another session's log of the same name: its own session id and calls.
        Files.writeString(copy, Files.readString(TraceFixtures.path(TraceFixtures.CLAUDE_CODE))
                .replace("\"s-1\"", "\"s-2\"").replace("\"msg_", "\"other_msg_"));
        CliRun run = CliRun.of("stats", TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString(), copy.toString(),
                TraceFixtures.DEMO.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(stream(json(run.out()).get("sessions")).map(s -> s.get("session").asText())).containsExactly(
                Path.of("claude-code", "session.jsonl").toString(), Path.of("a", "session.jsonl").toString());
        assertThat(run.err()).contains("skipped " + Path.of("demo", "session.jsonl") + ": no usage recorded");
    }

    @Test
    void progress_goes_to_stderr_and_the_table_to_stdout() {
        CliRun run = CliRun.of("stats", TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString(),
                TraceFixtures.path(TraceFixtures.CODEX).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // The fixtures' made-up models follow, each named once as unpriced.
        assertThat(run.err().lines().limit(2)).containsExactly(
                "[##########..........] 1/2  session.jsonl", "[####################] 2/2  rollout.jsonl");
        assertThat(run.err().lines().skip(2)).allMatch(line -> line.startsWith("unpriced model "));
        assertThat(run.out()).doesNotContain("[#").startsWith("session ")
                .contains("total: 2 sessions, 6 turns");
    }

    @Test
    void every_view_names_the_same_unpriced_models_and_skipped_sessions_as_the_session_report() {
        List<String> paths = List.of(TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString(),
                TraceFixtures.path(TraceFixtures.CODEX).toString(), Corpus.dir().resolve("swe-agent").toString());
        List<String> session = warnings(CliRun.of(stats("session", paths)));

        assertThat(session).anyMatch(line -> line.startsWith("unpriced model "))
                .anyMatch(line -> line.endsWith(": no usage recorded"));
        for (String view : List.of("daily", "weekly", "monthly", "blocks")) {
            assertThat(warnings(CliRun.of(stats(view, paths)))).as(view).isEqualTo(session);
        }
    }

    private static String[] stats(String view, List<String> paths) {
        List<String> args = new ArrayList<>(List.of("stats", view));
        args.addAll(paths);
        return args.toArray(String[]::new);
    }

    /** What a run said on stderr besides its progress. */
    private static List<String> warnings(CliRun run) {
        return run.err().lines().filter(line -> !line.startsWith("[")).toList();
    }

    @Test
    void without_paths_or_agent_logs_in_home_it_asks_for_files() {
        CliRun run = CliRun.withEnvironment(Map.of("HOME", dir.toString()), "stats");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().lines()).containsExactly(ReplayCommandTest.NO_LOGS);
    }

    @Test
    void a_missing_path_is_an_input_error_naming_it() {
        Path missing = dir.resolve("gone");
        CliRun run = CliRun.of("stats", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().lines()).containsExactly("cachet: no such file or directory: " + missing);
        CliRun misspelt = CliRun.of("stats", "dialy", missing.toString());
        assertThat(misspelt.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(misspelt.err().lines()).containsExactly(
                "cachet: no such file or directory: dialy (a view is one of session, daily, weekly, monthly, blocks)");
    }

    @Test
    void logs_none_of_which_can_be_read_report_nothing_rather_than_an_empty_table() throws IOException {
        Path unknown = Files.writeString(dir.resolve("notes.txt"), "hello\n");

        for (String format : List.of("table", "json", "html")) {
            CliRun run = CliRun.of("stats", unknown.toString(), "--format", format);

            assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
            assertThat(run.out()).as(format).isEmpty();
            assertThat(run.err().lines()).as(format).last().isEqualTo("cachet: no session log could be read; nothing "
                    + "reported");
            assertThat(run.err()).contains("skipped " + unknown + ": not a known trajectory format");
        }
    }

    @Test
    void logs_that_hold_no_model_call_yet_are_passed_over_and_are_no_error() throws IOException {
        // A cachet session that failed before its first answer, and a Claude Code session opened and left.
        Path failed = Files.writeString(dir.resolve("failed.jsonl"), "{\"time\":\"2026-12-07T16:48:40Z\",\"type\":"
                + "\"session_start\",\"session_id\":\"s1\",\"task\":\"say hi\",\"model\":\"claude-sonnet-4-6\"}\n");
        Path left = Files.writeString(dir.resolve("left.jsonl"), "{\"type\":\"user\",\"sessionId\":\"s2\",\"uuid\":"
                + "\"u1\",\"timestamp\":\"2026-01-01T10:00:00Z\",\"message\":{\"role\":\"user\",\"content\":\"hi\"}}\n");
        Path session = Files.copy(TraceFixtures.path(TraceFixtures.CLAUDE_CODE), dir.resolve("session.jsonl"));

        CliRun alone = CliRun.of("stats", failed.toString(), left.toString(), "--format", "json", "--no-cache");
        CliRun beside = CliRun.of("stats", dir.toString(), "--format", "json", "--no-cache");

        assertThat(alone.exitCode()).as(alone.err()).isZero();
        assertThat(alone.err()).doesNotContain("skipped");
        assertThat(json(alone.out()).get("sessions")).isEmpty();
        assertThat(beside.exitCode()).as(beside.err()).isZero();
        assertThat(json(beside.out()).get("total")).isEqualTo(json(CliRun.of("stats", session.toString(), "--format",
                "json", "--no-cache").out()).get("total"));
    }

    @Test
    void help_describes_the_flags_in_text_picocli_can_format() {
        CliRun run = CliRun.of("stats", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("low cache hit rate (< 50%), runaway context");
        // picocli formats descriptions with String.format; where that fails it warns on System.err and prints them raw.
        assertThat(ReplayCommandTest.helpTexts("stats")).allSatisfy(text -> String.format(Locale.ROOT, text));
    }

    /** Uncached input, cache writes, cache reads and output of a Claude Code log, each API response (message.id) once. */
    private static long[] billedByResponse(Path file) throws IOException {
        Map<String, JsonNode> usageById = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode json = Json.mapper().readTree(line);
                if (json.path("type").asText().equals("assistant")) {
                    // Every content block of a response repeats its usage; output_tokens is final on the last.
                    usageById.put(json.at("/message/id").asText(), json.at("/message/usage"));
                }
            }
        }
        long[] billed = new long[5];
        for (JsonNode usage : usageById.values()) {
            billed[4] += usage.at("/cache_creation/ephemeral_1h_input_tokens").asLong();
            billed[0] += usage.path("input_tokens").asLong();
            billed[1] += usage.path("cache_creation_input_tokens").asLong();
            billed[2] += usage.path("cache_read_input_tokens").asLong();
            billed[3] += usage.path("output_tokens").asLong();
        }
        return billed;
    }

    private static JsonNode single(JsonNode array) {
        List<JsonNode> items = new ArrayList<>(stream(array).toList());
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static String user(String uuid, String text, String at) {
        return "{\"parentUuid\":null,\"isSidechain\":false,\"sessionId\":\"s-cold\",\"type\":\"user\",\"message\":"
                + "{\"role\":\"user\",\"content\":\"" + text + "\"},\"timestamp\":\"" + at + "\",\"uuid\":\"" + uuid + "\"}";
    }

    private static String assistant(String id, String uuid, long input, long write, long read, long output, String at) {
        return "{\"parentUuid\":null,\"isSidechain\":false,\"sessionId\":\"s-cold\",\"type\":\"assistant\",\"message\":"
                + "{\"model\":\"claude-sonnet-4-6\",\"id\":\"" + id + "\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"usage\":{\"input_tokens\":" + input
                + ",\"cache_creation_input_tokens\":" + write + ",\"cache_read_input_tokens\":" + read
                + ",\"output_tokens\":" + output + "}},\"timestamp\":\"" + at + "\",\"uuid\":\"" + uuid + "\"}";
    }

    @Test
    void a_cachet_session_log_gives_the_share_of_input_its_tool_schemas_took(@TempDir Path workspace) throws Exception {
        CliRun session = CliRun.of("run", "-w", workspace.toString(), "--model",
                "replay:" + Path.of("../examples/demo/session.jsonl").toAbsolutePath(), "--sandbox", "full", "fix it");
        assertThat(session.exitCode()).as(session.err()).isZero();
        Path log = CliRun.logs(workspace).get(0);

        CliRun stats = CliRun.of("stats", log.toString(), "--format", "json");

        assertThat(stats.exitCode()).as(stats.err()).isZero();
        double share = Json.mapper().readTree(stats.out()).at("/sessions/0/tool_schema_share").asDouble();
        assertThat(share).isBetween(0.05, 0.95);
        assertThat(CliRun.of("stats", log.toString()).out()).containsPattern("\\d+%\\s+$|\\s\\d+%\\s");
    }

    @Test
    void a_copy_of_a_log_is_the_same_session_and_its_calls_are_counted_once() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("b")).resolve("session.jsonl");
        Files.copy(TraceFixtures.path(TraceFixtures.CLAUDE_CODE), copy);

        CliRun once = CliRun.of("stats", TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString(), "--format", "json");
        CliRun twice = CliRun.of("stats", TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString(), copy.toString(),
                "--format", "json");

        assertThat(twice.exitCode()).as(twice.err()).isZero();
        assertThat(json(twice.out()).get("total")).isEqualTo(json(once.out()).get("total"));
    }

    @Test
    void a_codex_rollout_that_copies_anothers_history_without_a_forks_mark_adds_only_its_own_calls()
            throws IOException {
        Path parent = TraceFixtures.path(TraceFixtures.CODEX);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(parent));
        // Its own call after the copy; "thanks" was answered after the parent's last report, so it is billed here.
        lines.add("{\"timestamp\":\"2026-01-01T10:01:02.000Z\",\"type\":\"event_msg\",\"payload\":{\"type\":"
                + "\"token_count\",\"info\":{\"total_token_usage\":{\"input_tokens\":1400,\"cached_input_tokens\":"
                + "200,\"output_tokens\":45,\"reasoning_output_tokens\":4,\"total_tokens\":1445}}}}");
        Path branch = Files.write(Files.createDirectories(dir.resolve("branch")).resolve("rollout-branch.jsonl"),
                lines);

        JsonNode alone = json(CliRun.of("stats", parent.toString(), "--format", "json").out()).get("total");
        CliRun both = CliRun.of("stats", parent.toString(), branch.toString(), "--format", "json");

        assertThat(both.exitCode()).as(both.err()).isZero();
        JsonNode total = json(both.out()).get("total");
        assertThat(total.get("calls").asInt()).isEqualTo(alone.get("calls").asInt() + 1);
        assertThat(total.get("uncached_input_tokens").asLong())
                .isEqualTo(alone.get("uncached_input_tokens").asLong() + 1_000);
        assertThat(total.get("output_tokens").asLong()).isEqualTo(alone.get("output_tokens").asLong() + 10);
    }

    @Test
    void responses_a_relay_names_alike_are_each_counted_in_every_log() throws IOException {
        // A gateway between Claude Code and its model can give every response one message id and no request id.
        Path first = Files.write(dir.resolve("first.jsonl"), List.of(
                user("u-1", "Fix the build", "2026-01-01T10:00:00Z"),
                assistant("relay", "a-1", 100, 0, 0, 10, "2026-01-01T10:00:01Z"),
                // the same response's next block: its output grew
                assistant("relay", "a-2", 100, 0, 0, 30, "2026-01-01T10:00:02Z"),
                assistant("relay", "a-3", 20, 0, 130, 5, "2026-01-01T10:00:05Z")));
        Path second = Files.write(Files.createDirectories(dir.resolve("other")).resolve("second.jsonl"), List.of(
                user("u-1", "Fix the tests", "2026-01-02T10:00:00Z").replace("s-cold", "s-other"),
                assistant("relay", "b-1", 70, 0, 0, 7, "2026-01-02T10:00:01Z").replace("s-cold", "s-other")));

        CliRun stats = CliRun.of("stats", first.toString(), second.toString(), "--format", "json");

        assertThat(stats.exitCode()).as(stats.err()).isZero();
        JsonNode total = json(stats.out()).get("total");
        assertThat(total.get("calls").asInt()).isEqualTo(3);
        assertThat(total.get("uncached_input_tokens").asLong()).isEqualTo(100 + 20 + 70);
        assertThat(total.get("output_tokens").asLong()).isEqualTo(30 + 5 + 7);
    }

    @Test
    void responses_a_relay_names_alike_are_told_apart_across_logs_by_their_time_and_a_resumed_copy_counts_once()
            throws IOException {
        List<String> first = List.of(
                user("u-1", "Fix the build", "2026-01-01T10:00:00Z"),
                assistant("relay", "a-1", 100, 0, 0, 10, "2026-01-01T10:00:01Z"),
                assistant("relay", "a-2", 20, 0, 130, 5, "2026-01-01T10:00:05Z"));
        Files.write(dir.resolve("first.jsonl"), first);
        // Another session, whose first call a relay named as the first session's, with the same counts, a day later.
        Files.write(dir.resolve("second.jsonl"), List.of(
                user("u-1", "Fix the build", "2026-01-02T10:00:00Z").replace("s-cold", "s-other"),
                assistant("relay", "b-1", 100, 0, 0, 10, "2026-01-02T10:00:01Z").replace("s-cold", "s-other")));
        // The first session resumed: its lines copied as they were, then a call of its own.
        List<String> resumed = new ArrayList<>(first);
        resumed.add(assistant("relay", "c-1", 40, 0, 150, 3, "2026-01-03T10:00:01Z").replace("s-cold", "s-again"));
        Files.write(dir.resolve("resumed.jsonl"), resumed);

        CliRun stats = CliRun.of("stats", dir.toString(), "--format", "json", "--no-cache");

        assertThat(stats.exitCode()).as(stats.err()).isZero();
        JsonNode total = json(stats.out()).get("total");
        assertThat(total.get("calls").asInt()).isEqualTo(4);
        assertThat(total.get("output_tokens").asLong()).isEqualTo(10 + 5 + 10 + 3);
        CliRun replay = CliRun.of("replay", dir.toString(), "--format", "json", "--strategies", "transcript");
        assertThat(stream(json(replay.out()).get("runs"))
                .filter(run -> run.get("strategy").asText().equals("recorded"))
                .mapToLong(run -> run.get("output_tokens").asLong()).sum()).isEqualTo(10 + 5 + 10 + 3);
    }

    @Test
    void responses_fast_mode_or_the_us_alone_served_are_priced_at_their_rates_as_models_of_their_own()
            throws IOException {
        Path log = dir.resolve("fast.jsonl");
        Files.write(log, List.of(
                user("u-1", "Fix the build", "2026-01-01T10:00:00Z"),
                assistant("msg_1", "a-1", 100, 2000, 0, 10, "2026-01-01T10:00:01Z")
                        .replace("claude-sonnet-4-6", "claude-opus-4-6"),
                assistant("msg_2", "a-2", 150, 0, 2000, 20, "2026-01-01T10:01:01Z")
                        .replace("claude-sonnet-4-6", "claude-opus-4-6")
                        .replace("\"output_tokens\":20", "\"output_tokens\":20,\"speed\":\"fast\""),
                assistant("msg_3", "a-3", 50, 0, 2200, 30, "2026-01-01T10:02:01Z")
                        .replace("claude-sonnet-4-6", "claude-opus-4-6")
                        .replace("\"output_tokens\":30", "\"output_tokens\":30,\"inference_geo\":\"us\"")));

        JsonNode session = single(json(CliRun.of("stats", log.toString(), "--format", "json").out()).get("sessions"));

        assertThat(stream(session.get("models")).map(model -> model.get("model").asText()))
                .containsExactly("claude-opus-4-6", "claude-opus-4-6-fast", "claude-opus-4-6@us");
        // Opus 4.6: $5 input, $6.25 write, $0.50 read, $25 output per million tokens; six times that in fast mode.
        double standard = (100 * 5.0 + 2000 * 6.25 + 10 * 25.0) / 1e6;
        double fast = 6 * (150 * 5.0 + 2000 * 0.5 + 20 * 25.0) / 1e6;
        // In the US alone: 1.1 times.
        double us = 1.1 * (50 * 5.0 + 2200 * 0.5 + 30 * 25.0) / 1e6;
        assertThat(session.get("cost_usd").asDouble()).isCloseTo(standard + fast + us, within(1e-12));
    }

    @Test
    void a_session_with_a_sub_agent_is_split_by_agent_and_priced_per_call_at_each_model() throws IOException {
        Path log = dir.resolve("mixed.jsonl");
        Files.write(log, List.of(
                user("u-1", "Fix the build", "2026-01-01T10:00:00Z"),
                assistant("msg_1", "a-1", 100, 2000, 0, 10, "2026-01-01T10:00:01Z"),
                assistant("msg_2", "a-2", 150, 2100, 0, 20, "2026-01-01T10:05:01Z")
                        .replace("claude-sonnet-4-6", "claude-haiku-4-5-20251001")
                        .replace("\"isSidechain\":false", "\"isSidechain\":true")));

        JsonNode session = single(json(CliRun.of("stats", log.toString(), "--format", "json").out()).get("sessions"));

        assertThat(session.get("calls").asInt()).isEqualTo(2);
        assertThat(stream(session.get("agents")).map(agent -> agent.get("agent").asText() + " "
                + agent.get("calls").asInt())).containsExactly("main 1", "sidechain 1");
        assertThat(stream(session.get("models")).map(model -> model.get("model").asText()))
                .containsExactly("claude-sonnet-4-6", "claude-haiku-4-5-20251001");
        // sonnet: $3 input, $3.75 write, $15 output; haiku: $1, $1.25, $5 per million tokens.
        double sonnet = (100 * 3.0 + 2000 * 3.75 + 10 * 15.0) / 1e6;
        double haiku = (150 * 1.0 + 2100 * 1.25 + 20 * 5.0) / 1e6;
        assertThat(session.get("cost_usd").asDouble()).isCloseTo(sonnet + haiku, within(1e-12));
        assertThat(session.get("agents").get(1).get("cost_usd").asDouble()).isCloseTo(haiku, within(1e-12));
    }

    @Test
    void a_codex_sub_agents_rollout_joins_its_parents_session_as_a_claude_code_sub_agent_does() throws IOException {
        // The parent's thread is parent-1, which the sub-agent's session_meta names as its parent.
        Path parent = Files.writeString(dir.resolve("rollout-parent.jsonl"),
                Files.readString(TraceFixtures.path(TraceFixtures.CODEX)).replace("\"id\":\"r-1\"", "\"id\":\"parent-1\""));
        // A sub-agent spawned afresh: its own call, after its meta.
        Path child = Files.write(dir.resolve("rollout-child.jsonl"), List.of(
                "{\"timestamp\":\"2026-01-01T10:02:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"child-1\","
                        + "\"source\":{\"subagent\":{\"thread_spawn\":{\"parent_thread_id\":\"parent-1\",\"depth\":1,"
                        + "\"agent_role\":\"explorer\"}}}}}",
                "{\"timestamp\":\"2026-01-01T10:02:00.001Z\",\"type\":\"turn_context\",\"payload\":{\"model\":\"gpt-5\"}}",
                "{\"timestamp\":\"2026-01-01T10:02:04Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"reasoning\"}}",
                "{\"timestamp\":\"2026-01-01T10:02:05Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\","
                        + "\"info\":{\"total_token_usage\":{\"input_tokens\":900,\"cached_input_tokens\":0,\"output_tokens\":"
                        + "30,\"reasoning_output_tokens\":0,\"total_tokens\":930}}}}"));
        JsonNode alone = json(CliRun.of("stats", parent.toString(), "--format", "json", "--no-cache").out());
        JsonNode childAlone = json(CliRun.of("stats", child.toString(), "--format", "json", "--no-cache").out());

        for (String cache : List.of("--no-cache", "--jobs=1")) {
            CliRun run = CliRun.of("stats", dir.toString(), "--format", "json", cache);

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode session = single(json(run.out()).get("sessions"));
            assertThat(session.get("session").asText()).isEqualTo("rollout-parent.jsonl");
            assertThat(stream(session.get("agents")).map(agent -> agent.get("agent").asText()))
                    .containsExactly("main", "explorer");
            assertThat(session.get("calls").asInt()).isEqualTo(alone.get("total").get("calls").asInt()
                    + childAlone.get("total").get("calls").asInt());
        }
    }

    @Test
    void a_model_no_table_prices_is_named_with_how_to_price_it_and_its_tokens_still_count() throws IOException {
        Path log = dir.resolve("unpriced.jsonl");
        Files.write(log, List.of(
                user("u-1", "Fix the build", "2026-01-01T10:00:00Z"),
                assistant("msg_1", "a-1", 100, 2000, 0, 10, "2026-01-01T10:00:01Z")
                        .replace("claude-sonnet-4-6", "house-model-7")));

        CliRun run = CliRun.of("stats", log.toString(), "--format", "json");

        JsonNode session = single(json(run.out()).get("sessions"));
        assertThat(session.get("priced").asBoolean()).isFalse();
        assertThat(session.get("cost_usd").isNull()).isTrue();
        assertThat(session.get("usage").get("input_tokens").asLong()).isEqualTo(2100);
        assertThat(run.err().lines().filter(line -> line.startsWith("unpriced model house-model-7 (1 call,")))
                .singleElement().asString().contains("~/.config/cachet/prices.yaml");
    }

    @Test
    void a_price_list_that_cannot_be_read_fails_stats_with_one_line_naming_it() throws IOException {
        // The harness, price lists included, is built while the logs are found: its failure is still the command's.
        Path home = dir.resolve("home");
        Path prices = Files.createDirectories(home.resolve(".config/cachet")).resolve("prices.yaml");
        Files.writeString(prices, "models: [oops\n");

        CliRun run = CliRun.withEnvironment(Map.of("HOME", home.toString()), "stats",
                TraceFixtures.path(TraceFixtures.CLAUDE_CODE).toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("cachet: " + prices + ": ");
        assertThat(run.out()).isEmpty();
    }
}
