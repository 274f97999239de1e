package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.StrategyInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;

class ReplayCommandTest {
    /** The documented JSON schema, in its printed order. */
    private static final List<String> REPORT_KEYS = List.of("settings", "runs", "summary", "fidelity", "cache");
    private static final List<String> RUN_KEYS = List.of("trace", "strategy", "turns", "input_tokens",
            "cache_write_tokens", "cache_read_tokens", "output_tokens", "input_cost_usd", "cost_usd", "cache_hit_rate",
            "reference_recall", "peak_window_tokens", "estimated", "cost_ratio_vs_recorded", "p50_call_input_cost_usd",
            "p95_call_input_cost_usd", "max_call_input_cost_usd", "cold_calls", "restart_cost_usd", "pings",
            "ping_cost_usd", "reread_cost_usd", "misses");
    private static final List<String> MISS_KEYS = List.of("call", "cause", "lost_tokens", "detail", "input_cost_usd");
    private static final List<String> CACHE_KEYS = List.of("strategy", "calls", "misses", "misses_by_cause",
            "lost_tokens", "pings", "ping_cost_usd");
    private static final List<String> SUMMARY_KEYS = List.of("strategy", "traces", "input_cost_usd", "cost_usd",
            "cache_hit_rate", "reference_recall", "input_cost_ratio_vs_transcript", "cost_ratio_vs_recorded",
            "p95_call_input_cost_ratio_vs_transcript", "content_recall", "pointer_recall", "reread_cost_usd");
    private static final List<String> FIDELITY_KEYS = List.of("trace", "cost_error", "input_error",
            "per_call_input_median_error", "cache_read_share_error");
    /** The strategy of the row that is a trace's bill as its log records it. */
    private static final String RECORDED = "recorded";
    /** Every strategy, transcript first: what replay runs by default. */
    private static final List<String> STRATEGIES = Strategies.all().stream().map(StrategyInfo::name).toList();
    static final String NO_LOGS = "cachet: no PATH given and no logs of cachet (~/.local/state/cachet/sessions), Claude "
            + "Code ($CLAUDE_CONFIG_DIR/projects, else ~/.config/claude/projects and ~/.claude/projects) and Codex "
            + "($CODEX_HOME/sessions and archived_sessions, else under ~/.codex) here; name session files or directories";

    @TempDir
    Path dir;

    @Test
    void json_prints_exactly_the_documented_schema_with_consistent_figures() {
        List<Path> files = List.of(TraceFixtures.DEMO, TraceFixtures.path(TraceFixtures.CODEX),
                TraceFixtures.path(TraceFixtures.SWE_AGENT), TraceFixtures.path(TraceFixtures.MINI_SWE_AGENT));
        CliRun run = replay(files, "--format", "json", "--jobs", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = json(run.out());
        assertThat(keys(report)).containsExactlyElementsOf(REPORT_KEYS);
        assertThat(STRATEGIES).hasSize(5).first().isEqualTo("transcript");
        // Of these logs mini-swe-agent's records the usage of every call, and the Codex rollout of every call but its
        // last, which was cut off before it was billed; the others record none.
        Path billed = TraceFixtures.path(TraceFixtures.MINI_SWE_AGENT);
        Path codex = TraceFixtures.path(TraceFixtures.CODEX);
        List<String> expectedOrder = new ArrayList<>();
        for (Path file : files) {
            STRATEGIES.forEach(strategy -> expectedOrder.add(file.getFileName() + " " + strategy));
            if (file.equals(billed) || file.equals(codex)) {
                expectedOrder.add(file.getFileName() + " " + RECORDED);
            }
        }
        assertThat(stream(report.get("runs")).map(r -> r.get("trace").asText() + " " + r.get("strategy").asText()))
                .as("one run per (trace, strategy), then the recorded bill, in the order of the files")
                .containsExactlyElementsOf(expectedOrder);
        assertThat(stream(report.get("runs")).filter(r -> r.get("trace").asText().equals("session.jsonl")))
                .allSatisfy(r -> assertThat(r.get("turns").asInt()).isEqualTo(7));
        assertConsistent(report, files.size(), Map.of(billed.getFileName().toString(), RecordedBill.miniSweAgent(billed),
                codex.getFileName().toString(), RecordedBill.codex(codex)));
    }

    @Test
    void strategies_option_replays_transcript_first_then_only_those_named() {
        for (String asked : List.of("hybrid", "hybrid,transcript", "hybrid, transcript")) {
            CliRun run = replay(List.of(TraceFixtures.DEMO, TraceFixtures.path(TraceFixtures.CODEX)),
                    "--strategies", asked, "--format", "json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode report = json(run.out());
            assertThat(stream(report.get("runs")).map(r -> r.get("trace").asText() + " " + r.get("strategy").asText()))
                    .as(asked).containsExactly("session.jsonl transcript", "session.jsonl hybrid",
                            "rollout.jsonl transcript", "rollout.jsonl hybrid", "rollout.jsonl " + RECORDED);
            assertThat(stream(report.get("summary")).map(s -> s.get("strategy").asText()))
                    .containsExactly("transcript", "hybrid");
            assertConsistent(report, 2, Map.of("rollout.jsonl", RecordedBill.codex(TraceFixtures.path(TraceFixtures.CODEX))));
        }
    }

    @Test
    void replays_are_deterministic_whatever_the_number_of_jobs() {
        List<Path> files = List.of(TraceFixtures.dir(), TraceFixtures.DEMO);
        CliRun once = replay(files, "--format", "json", "--jobs", "1");
        CliRun again = replay(files, "--format", "json", "--jobs", "1");
        CliRun parallel = replay(files, "--format", "json", "--jobs", "2");

        assertThat(once.exitCode()).as(once.err()).isZero();
        assertThat(json(once.out()).get("runs")).as("the Claude Code, Codex and mini-swe-agent logs have a recorded bill")
                .hasSize(5 * STRATEGIES.size() + 3);
        assertThat(again.out()).isEqualTo(once.out());
        assertThat(parallel.exitCode()).isZero();
        assertThat(parallel.out()).isEqualTo(once.out());
    }

    @Test
    void out_writes_json_markdown_and_self_contained_html() throws IOException {
        Path reports = dir.resolve("reports/today");
        CliRun run = replay(List.of(TraceFixtures.DEMO, TraceFixtures.path(TraceFixtures.SWE_AGENT)),
                "--format", "json", "--out", reports.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("reports written to " + reports);
        try (Stream<Path> written = Files.list(reports)) {
            assertThat(written.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("replay.json", "replay.md", "replay.html");
        }
        assertThat(read(reports.resolve("replay.json"))).isEqualTo(run.out());
        assertThat(read(reports.resolve("replay.md"))).startsWith("# Counterfactual replay")
                .contains("| transcript |", "| hybrid ", "swe-agent-text.traj");
        String html = read(reports.resolve("replay.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "<style>", "swe-agent-text.traj")
                .endsWith("</html>\n");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
                .as("no resource fetched from anywhere").doesNotContain("http://", "https://", "<script", "<link");
    }

    @Test
    void out_that_is_not_a_directory_is_an_input_error_before_replaying() throws IOException {
        Path file = Files.writeString(dir.resolve("report"), "mine");
        CliRun run = replay(List.of(TraceFixtures.DEMO), "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().lines()).containsExactly("cachet: --out " + file + ": not a directory");
        assertThat(run.out()).isEmpty();
        assertThat(read(file)).isEqualTo("mine");
    }

    @Test
    void out_where_nothing_can_be_written_is_an_input_error_before_replaying() {
        // /proc takes no new files, not even root's, whom a read-only mode would not stop.
        Path unwritable = Path.of("/proc/cachet-replay-reports");
        CliRun run = replay(List.of(TraceFixtures.DEMO), "--out", unwritable.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("cachet: --out " + unwritable + ": cannot write in /proc (");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void out_that_does_not_exist_yet_is_made_only_when_the_reports_are_written(@TempDir Path other) {
        Path reports = other.resolve("a/b");
        CliRun failed = replay(List.of(other), "--out", reports.toString());

        assertThat(failed.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(other.resolve("a")).doesNotExist();
        assertThat(other).isEmptyDirectory();
    }

    @Test
    void out_where_a_report_would_replace_a_directory_is_an_input_error_before_replaying() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports/replay.json/taken")).getParent().getParent();
        CliRun run = replay(List.of(TraceFixtures.DEMO), "--format", "json", "--out", reports.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().lines()).containsExactly("cachet: --out " + reports + ": " + reports.resolve("replay.json")
                + " is a directory, where a report is to be written");
        assertThat(run.out()).isEmpty();
        assertThat(reports).isDirectoryNotContaining(path -> !path.endsWith("replay.json"));
    }

    @Test
    void files_of_the_same_name_are_told_apart_by_their_directories() throws IOException {
        Path first = Files.createDirectories(dir.resolve("run-1/app")).resolve("session.jsonl");
        Path second = Files.createDirectories(dir.resolve("run-2/app")).resolve("session.jsonl");
        Files.copy(TraceFixtures.path(TraceFixtures.CLAUDE_CODE), first);
        // Another session's log, not a copy of the first's calls, which would be billed once.
        Files.writeString(second, renamed(Files.readString(first), "2"));
        List<Path> files = List.of(dir, TraceFixtures.path(TraceFixtures.CODEX), TraceFixtures.DEMO);

        CliRun run = replay(files, "--format", "json", "--out", dir.resolve("reports").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = json(run.out());
        assertThat(stream(report.get("runs")).map(r -> r.get("trace").asText()).distinct()).containsExactly(
                Path.of("run-1", "app", "session.jsonl").toString(), Path.of("run-2", "app", "session.jsonl").toString(),
                "rollout.jsonl", Path.of("demo", "session.jsonl").toString());
        RecordedBill bill = RecordedBill.claudeCode(first);
        assertConsistent(report, 4, Map.of(Path.of("run-1", "app", "session.jsonl").toString(), bill,
                Path.of("run-2", "app", "session.jsonl").toString(), bill,
                "rollout.jsonl", RecordedBill.codex(TraceFixtures.path(TraceFixtures.CODEX))));
        assertThat(read(dir.resolve("reports/replay.html"))).contains("<section id=\"trace-4\">");
    }

    @Test
    void markdown_html_and_the_default_table_show_every_strategy_the_recorded_bill_and_the_fidelity() {
        List<Path> files = List.of(TraceFixtures.DEMO, TraceFixtures.path(TraceFixtures.CLAUDE_CODE));
        CliRun table = replay(files);
        CliRun md = replay(files, "--format", "md");
        CliRun html = replay(files, "--format", "html");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("replayed as each log's own model where it names one, else "
                        + "anthropic:claude-sonnet-4-6, every strategy at each request's own cache lifetime (--cache-ttl "
                        + "auto; recorded bills as paid, fidelity at each log's own lifetime), calls 20s apart where a "
                        + "log gives no times (--think-time): 11 runs\n"
                        + "Recorded usage: 1 of 2 traces")
                .containsPattern("(?m)^transcript +2 +\\$\\d+\\.\\d{4} .* 1\\.000 +1\\.00x +\\d+\\.\\d\\dx$")
                .containsPattern("(?m)^claude-code/session\\.jsonl +recorded +2 .* 1\\.00x .* - ")
                .containsPattern("(?m)^claude-code/session\\.jsonl +[+-]\\d+\\.\\d% ")
                .containsPattern("(?m)^overall +[+-]\\d+\\.\\d% ");
        assertThat(md.exitCode()).isZero();
        assertThat(md.out()).contains("## Fidelity", "## Worst spikes").containsPattern("(?m)^\\| recorded +\\| ");
        assertThat(replay(files, "--format", "markdown").out()).as("Markdown by its own name").isEqualTo(md.out());
        assertThat(html.exitCode()).isZero();
        assertThat(html.out()).startsWith("<!DOCTYPE html>")
                .contains("<table class=\"fidelity\">", "<p class=\"estimated\">", "data-series=\"recorded\"");
        for (String strategy : STRATEGIES) {
            assertThat(table.out()).containsPattern("(?m)^" + strategy + " +2 ")
                    .containsPattern("(?m)^demo/session\\.jsonl +" + strategy + " +7 .* estimated ")
                    .containsPattern("(?m)^claude-code/session\\.jsonl +" + strategy + " +2 .* \\d+\\.\\d\\dx ");
            assertThat(md.out()).containsPattern("(?m)^\\| " + strategy + " +\\| +2 \\|");
            assertThat(html.out()).contains("<td>" + strategy + "</td>");
        }
    }

    @Test
    void progress_goes_to_stderr_a_line_per_file_as_each_is_done_the_largest_first() throws IOException {
        assertThat(Files.size(TraceFixtures.path(TraceFixtures.CODEX))).isGreaterThan(Files.size(TraceFixtures.DEMO));
        CliRun run = replay(List.of(TraceFixtures.DEMO, TraceFixtures.path(TraceFixtures.CODEX)),
                "--format", "json", "--jobs", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines()).containsExactly(
                "[##########..........] 1/2  rollout.jsonl", "[####################] 2/2  session.jsonl",
                "rollout.jsonl: its last call has no bill in the log (not yet written, or not logged); replayed without "
                        + "it, against the bill of the 3 before",
                "rollout.jsonl: model gpt-test has no price; billed at anthropic:claude-sonnet-4-6's, its bill too "
                        + "(--model)");
        assertThat(run.out()).doesNotContain("[#", "/2  ");
        assertThat(json(run.out()).get("runs")).hasSize(2 * STRATEGIES.size() + 1);
    }

    @Test
    void a_missing_path_is_an_input_error_naming_it() {
        Path missing = dir.resolve("nowhere.jsonl");
        CliRun run = replay(List.of(TraceFixtures.DEMO, missing));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().lines()).containsExactly("cachet: no such file or directory: " + missing);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_file_of_no_known_format_is_skipped_naming_it_and_the_formats_expected() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.json"), "{\"hello\": \"world\"}\n");
        CliRun named = replay(List.of(notes), "--format", "json");
        CliRun searched = replay(List.of(dir));

        assertThat(named.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(named.err()).contains("skipped " + notes + ": not a known trajectory format; expected one of: ")
                .contains("claude-code (", "codex (", "swe-agent (", "openhands (");
        // Nothing could be replayed, so nothing is reported: no empty report to mistake for a result.
        assertThat(named.out()).isEmpty();
        assertThat(named.err()).contains("cachet: no trajectory could be replayed; nothing reported");
        assertThat(searched.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(searched.err().lines())
                .containsExactly("cachet: no session logs found in " + dir + " (1 file of other formats)");
    }

    @Test
    void a_log_that_holds_no_model_call_yet_is_said_once_and_is_no_error() throws IOException {
        // A cachet session that failed before its first answer.
        Path failed = Files.writeString(dir.resolve("failed.jsonl"), "{\"time\":\"2026-12-07T16:48:40Z\",\"type\":"
                + "\"session_start\",\"session_id\":\"s1\",\"task\":\"say hi\",\"model\":\"claude-sonnet-4-6\"}\n");
        Path session = Files.copy(TraceFixtures.path(TraceFixtures.CLAUDE_CODE), dir.resolve("session.jsonl"));
        String said = "1 log without a model call yet (a session opened and left, or one that failed before its first"
                + " answer): nothing in it to replay";

        Path out = dir.resolve("out");
        CliRun alone = replay(List.of(failed), "--out", out.toString());
        CliRun beside = replay(List.of(failed, session), "--format", "json");

        assertThat(alone.exitCode()).as(alone.err()).isZero();
        assertThat(alone.out()).isEmpty();
        assertThat(alone.err().lines()).contains(said, "nothing to report: nothing written in " + out)
                .noneMatch(line -> line.startsWith("skipped"));
        assertThat(beside.exitCode()).as(beside.err()).isZero();
        assertThat(beside.err().lines()).contains(said);
        assertThat(beside.out()).isEqualTo(replay(List.of(session), "--format", "json").out());
    }

    @Test
    void a_log_in_a_directory_that_cannot_be_read_is_skipped_naming_why_and_the_others_are_reported()
            throws IOException {
        Path good = Files.copy(TraceFixtures.path(TraceFixtures.CLAUDE_CODE), dir.resolve("a.jsonl"));
        // A regular file that no one, root included, can read from its start; reached through a link, as logs may be.
        Path unreadable = Files.createSymbolicLink(dir.resolve("b.jsonl"), Path.of("/proc/self/mem"));
        Path linked = Files.createSymbolicLink(dir.resolveSibling(dir.getFileName() + "-link"), dir);

        try {
            for (CliRun run : List.of(replay(List.of(linked), "--format", "json"),
                    CliRun.of("stats", linked.toString(), "--json", "--no-cache"))) {
                assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INPUT);
                assertThat(run.err()).contains("skipped cannot read " + linked.resolve(unreadable.getFileName())
                        .toAbsolutePath() + ": Input/output error");
                assertThat(run.out()).contains(good.getFileName().toString());
            }
        } finally {
            Files.delete(linked);
        }
    }

    @Test
    void a_call_that_several_logs_hold_is_billed_once_in_the_log_that_holds_the_most() throws IOException {
        String original = Files.readString(TraceFixtures.path(TraceFixtures.CLAUDE_CODE));
        // Claude Code's logs of two sessions resumed from the first each open with its lines, calls and all.
        Path first = Files.writeString(dir.resolve("a.jsonl"), original);
        Path resumed = Files.writeString(dir.resolve("b.jsonl"), original + renamed(original, "2"));
        Files.writeString(dir.resolve("c.jsonl"), original + renamed(original, "3"));

        CliRun run = replay(List.of(dir), "--format", "json", "--strategies", "transcript");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, JsonNode> bills = stream(json(run.out()).get("runs"))
                .filter(r -> r.get("strategy").asText().equals(RECORDED))
                .collect(Collectors.toMap(r -> r.get("trace").asText(), r -> r));
        assertThat(bills).containsOnlyKeys("b.jsonl", "c.jsonl");
        RecordedBill once = RecordedBill.claudeCode(first);
        assertThat(bills.get("b.jsonl").get("turns").asInt()).isEqualTo(4);
        assertThat(bills.get("c.jsonl").get("turns").asInt()).isEqualTo(2);
        // Each call once: the first session's, the two resumed sessions' own.
        assertThat(bills.values().stream().mapToLong(r -> r.get("output_tokens").asLong()).sum())
                .isEqualTo(3 * once.output());
        assertThat(run.err()).contains("a.jsonl: not reported apart: its 2 calls are also in b.jsonl, whose rows bill them")
                .contains("c.jsonl: 2 of its 4 calls are also in b.jsonl, whose rows bill them; its own rows hold the "
                        + "other 2");
        // The two answers to what was paid agree.
        JsonNode stats = json(CliRun.of("stats", "daily", "--json", "--no-cache", dir.toString()).out());
        for (String kind : List.of("input_tokens", "cache_read_tokens", "output_tokens")) {
            assertThat(bills.values().stream().mapToLong(r -> r.get(kind).asLong()).sum()).as(kind)
                    .isEqualTo(stats.at("/total/usage/" + kind).asLong());
        }
        CliRun alone = replay(List.of(resumed), "--format", "json", "--strategies", "transcript");
        assertThat(stream(json(alone.out()).get("runs")).toList()).isEqualTo(stream(json(run.out()).get("runs"))
                .filter(r -> r.get("trace").asText().equals("b.jsonl")).toList());
    }

    @Test
    void a_sub_agent_logged_in_its_parents_log_and_in_its_own_is_replayed_once() throws IOException {
        String original = Files.readString(TraceFixtures.path(TraceFixtures.CLAUDE_CODE));
        String agent = subAgent(original, "9");
        Files.writeString(dir.resolve("s-1.jsonl"), original + agent);
        Files.writeString(Files.createDirectories(dir.resolve("s-1/subagents")).resolve("agent-x9.jsonl"), agent);

        CliRun run = replay(List.of(dir), "--format", "json", "--strategies", "transcript");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(stream(json(run.out()).get("runs")).map(r -> r.get("trace").asText()).distinct())
                .containsExactly("s-1.jsonl", "s-1.jsonl#sidechain-1");
        assertThat(run.err()).contains(
                "agent-x9.jsonl: not reported apart: its 2 calls are also in s-1.jsonl#sidechain-1, whose rows bill them");
        assertThat(replay(List.of(dir), "--strategies", "transcript").out().lines().findFirst().orElseThrow())
                .contains(", each call billed once where logs repeat others' calls (1 trace, named on stderr): ");
    }

    @Test
    void a_log_whose_last_call_is_not_billed_yet_is_replayed_without_it_against_the_bill_of_the_calls_before()
            throws IOException {
        List<String> rollout = Files.readAllLines(TraceFixtures.path(TraceFixtures.CODEX));
        // The whole rollout, whose last call was cut off before its bill; then its first two calls, billed.
        Path live = Files.write(dir.resolve("a.jsonl"), rollout);
        Files.write(dir.resolve("b.jsonl"), rollout.subList(0, 16));
        int lastBill = IntStream.range(0, rollout.size()).filter(i -> rollout.get(i).contains("\"token_count\""))
                .max().orElseThrow();
        Path billed = Files.write(Files.createDirectories(dir.resolve("billed")).resolve("a.jsonl"),
                rollout.subList(0, lastBill + 1));

        CliRun run = replay(List.of(live, dir.resolve("b.jsonl")), "--format", "json", "--strategies", "transcript");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("a.jsonl: its last call has no bill in the log")
                .contains("b.jsonl: not reported apart: its 2 calls are also in a.jsonl, whose rows bill them")
                .contains("a.jsonl: model gpt-test has no price")
                .as("a trace not reported has no notes").doesNotContain("b.jsonl: model");
        assertThat(json(run.out()).get("runs"))
                .isEqualTo(json(replay(List.of(billed), "--format", "json", "--strategies", "transcript").out()).get("runs"));
    }

    @Test
    void a_pause_at_a_call_of_a_trace_that_shares_the_calls_before_it_is_no_pause_that_changed_nothing()
            throws IOException {
        String original = Files.readString(TraceFixtures.path(TraceFixtures.CLAUDE_CODE));
        // Five calls over three traces of two at most; then a resumed log of four, whose first two the other bills.
        Files.writeString(dir.resolve("a.jsonl"), original + subAgent(original, "7") + subAgent(original, "8"));
        Files.writeString(dir.resolve("b.jsonl"), original + renamed(original, "2"));

        CliRun run = replay(List.of(dir), "--format", "json", "--strategies", "transcript", "--pause-at", "3=90");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("changed nothing");
        assertThat(stream(json(run.out()).get("runs")).filter(r -> r.get("trace").asText().equals("b.jsonl")
                && r.get("strategy").asText().equals("transcript")).findFirst().orElseThrow().get("cold_calls").asInt())
                .isEqualTo(1);
    }

    /**
     * A sub-agent of the session s-1 as Claude Code logs it inline, under the agent id {@code "x" + suffix}: the main
     * session's first and last calls, with their requests and results, as its own.
     */
    private static String subAgent(String original, String suffix) {
        List<String> lines = renamed(original, suffix).lines().toList();
        return Stream.concat(lines.subList(3, 10).stream(), Stream.of(lines.get(12), lines.get(14)))
                .map(line -> line + "\n").collect(Collectors.joining())
                .replace("\"isSidechain\":false", "\"isSidechain\":true")
                .replace("\"sessionId\":\"s-" + suffix + "\"", "\"sessionId\":\"s-1\",\"agentId\":\"x" + suffix + "\"");
    }

    /** A Claude Code log's lines as another session's, each id with {@code suffix}: none of its calls is the log's. */
    static String renamed(String log, String suffix) {
        return log.replaceAll("\"(msg_[A-Z]|req_[A-Z]|[upac]-[0-9]+|toolu_[0-9]+)\"", "\"$1" + suffix + "\"")
                .replace("\"s-1\"", "\"s-" + suffix + "\"");
    }

    @Test
    void a_log_whose_last_line_is_being_written_is_replayed_as_it_stood_before_it() throws IOException {
        Path live = TraceFixtures.beingWritten(TraceFixtures.CLAUDE_CODE, dir, "session.jsonl");
        List<String> written = Files.readAllLines(TraceFixtures.path(TraceFixtures.CLAUDE_CODE));
        Path before = Files.write(Files.createDirectories(dir.resolve("before")).resolve("session.jsonl"),
                written.subList(0, written.size() - 1));

        CliRun writing = replay(List.of(live), "--format", "json");

        assertThat(writing.exitCode()).as(writing.err()).isZero();
        assertThat(writing.err()).doesNotContain("skipped");
        assertThat(json(writing.out())).isEqualTo(json(replay(List.of(before), "--format", "json").out()));
    }

    @Test
    void a_line_an_unclean_shutdown_cut_is_left_out_naming_it_and_the_rest_of_its_log_is_replayed() throws IOException {
        // The second line of the first response, in the log's middle.
        int cut = 5;
        Path broken = TraceFixtures.cutLine(TraceFixtures.CLAUDE_CODE, dir.resolve("cut"), "session.jsonl", cut);
        Path without = TraceFixtures.withoutLine(TraceFixtures.CLAUDE_CODE, dir.resolve("without"), "session.jsonl", cut);

        CliRun run = replay(List.of(broken), "--format", "json", "--jobs", "2");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains("skipped " + broken + ":" + (cut + 1) + ": not valid JSON: ")
                .contains(", left out; the rest is read");
        assertThat(json(run.out()).get("runs"))
                .isEqualTo(json(replay(List.of(without), "--format", "json").out()).get("runs"));
    }

    @Test
    void bad_strategies_parameters_and_models_are_input_errors_naming_them() {
        Map<List<String>, String> errors = new LinkedHashMap<>();
        errors.put(List.of("--strategies", "psychic"),
                "cachet: unknown strategy 'psychic'; available: " + String.join(", ", STRATEGIES));
        errors.put(List.of("--strategies", "hybrid", "-P", "nope.keep=3"), "cachet: -P nope.keep: there is no strategy "
                + "nope (see 'cachet strategies'); those chosen are [transcript, hybrid]");
        errors.put(List.of("-P", "hybrid.bogus=1"), "cachet: strategy hybrid has no parameter 'bogus'");
        errors.put(List.of("--model", "skynet:9000"), "cachet: unknown model provider 'skynet' in 'skynet:9000'; expected "
                + "anthropic:, openai:, deepseek:, openai-compatible:, replay:");
        errors.put(List.of("--model", "replay:x.jsonl"), "cachet: cannot price a replay as 'replay:x.jsonl'");
        errors.put(List.of("--model", "anthropic:claude-nope"), "cachet: no price for model claude-nope; known: ");
        errors.put(List.of("--cache-ttl", "10m"), "cachet: --cache-ttl must be 5m or 1h");

        errors.forEach((options, message) -> assertOneLineError(options, ExitCodes.INPUT, message));
    }

    @Test
    void flags_that_contradict_each_other_are_bad_usage_pointing_at_the_help() {
        Map<List<String>, String> errors = new LinkedHashMap<>();
        errors.put(List.of("--strategies", "hybrid", "-P", "masking.keep=3"), "cachet: -P masking.keep: masking is not "
                + "among the strategies chosen, [transcript, hybrid] (see 'cachet replay --help')");
        errors.put(List.of("--base-url", "http://localhost:1"),
                "cachet: --base-url: replay bills offline and calls no provider (see 'cachet replay --help')");
        errors.put(List.of("--pause-at", "5=80", "--pause-at", "2=1", "--pause-at", "5=40"), "cachet: --pause-at 5 is "
                + "given twice; give each call one pause (their minutes added up) (see 'cachet replay --help')");

        errors.forEach((options, message) -> assertOneLineError(options, ExitCodes.USAGE, message));
    }

    private static void assertOneLineError(List<String> options, int exitCode, String message) {
        List<String> args = new ArrayList<>(List.of("replay", TraceFixtures.DEMO.toString()));
        args.addAll(options);
        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(options.toString()).isEqualTo(exitCode);
        assertThat(run.err().lines()).as(options.toString()).hasSize(1);
        assertThat(run.err()).as(options.toString()).startsWith(message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void an_openhands_run_written_twice_is_billed_once_by_replay_and_by_stats() throws IOException {
        List<String> runs = Files.readAllLines(Path.of("../evals/src/test/resources/traces/openhands/output.jsonl"));
        Path once = Files.write(Files.createDirectories(dir.resolve("once")).resolve("output.jsonl"), runs);
        List<String> twice = new ArrayList<>(runs);
        twice.add(runs.get(0));
        Path written = Files.write(Files.createDirectories(dir.resolve("twice")).resolve("output.jsonl"), twice);

        CliRun replayed = replay(List.of(written), "--format", "json", "--strategies", "transcript");

        assertThat(replayed.err()).contains("output.jsonl#demo__a-1-run2: not reported apart");
        assertThat(json(replayed.out()).get("runs"))
                .isEqualTo(json(replay(List.of(once), "--format", "json", "--strategies", "transcript").out()).get("runs"));
        assertThat(json(CliRun.of("stats", written.toString(), "--json").out()).get("totals"))
                .isEqualTo(json(CliRun.of("stats", once.toString(), "--json").out()).get("totals"));
    }

    @Test
    void a_model_without_a_price_is_billed_at_the_chosen_models_and_said_to_be() throws IOException {
        Path log = Files.writeString(dir.resolve("session.jsonl"), Files.readString(TraceFixtures.path(
                TraceFixtures.CLAUDE_CODE)).replace("\"claude-test-1\"", "\"claude-sonnet-4-6\""));
        Path renamed = Files.writeString(dir.resolve("renamed.jsonl"), Files.readString(log)
                .replace("\"claude-sonnet-4-6\"", "\"claude-foo-9\""));

        CliRun priced = replay(List.of(log), "--format", "json");
        CliRun unpriced = replay(List.of(renamed), "--format", "json");

        assertThat(priced.err()).doesNotContain("has no price");
        assertThat(unpriced.exitCode()).as(unpriced.err()).isZero();
        assertThat(unpriced.err().lines()).containsExactly("[####################] 1/1  renamed.jsonl",
                "renamed.jsonl: model claude-foo-9 has no price; billed at anthropic:claude-sonnet-4-6's, its bill too "
                        + "(--model)");
        assertThat(stream(json(unpriced.out()).get("runs")).map(run -> run.get("cost_usd")).toList())
                .isEqualTo(stream(json(priced.out()).get("runs")).map(run -> run.get("cost_usd")).toList());
    }

    @Test
    void a_pause_expires_the_strategies_caches_and_keep_alive_pings_bridge_it_at_their_price() {
        Path billed = TraceFixtures.path(TraceFixtures.CLAUDE_CODE);
        JsonNode plain = json(replay(List.of(billed), "--format", "json", "--strategies", "transcript").out());
        CliRun paused = replay(List.of(billed), "--format", "json", "--strategies", "transcript", "--pause-at", "2=30");
        CliRun pinged = replay(List.of(billed), "--format", "json", "--strategies", "transcript", "--pause-at", "2=30",
                "--cache-keepalive", "12");

        assertThat(paused.exitCode()).as(paused.err()).isZero();
        JsonNode pausedTranscript = json(paused.out()).get("runs").get(0);
        JsonNode plainTranscript = plain.get("runs").get(0);
        assertThat(pausedTranscript.get("cold_calls").asInt()).isEqualTo(plainTranscript.get("cold_calls").asInt() + 1);
        assertThat(stream(pausedTranscript.get("misses")))
                .anySatisfy(miss -> assertThat(miss.get("call").asInt()).isEqualTo(2))
                .filteredOn(miss -> miss.get("call").asInt() == 2)
                .allSatisfy(miss -> assertThat(miss.get("detail").asText()).matches("TTL expired after 3[0-9] min idle"));
        assertThat(json(paused.out()).get("runs").get(1)).as("the recorded bill is what it was")
                .isEqualTo(plain.get("runs").get(1));
        JsonNode pingedTranscript = json(pinged.out()).get("runs").get(0);
        assertThat(pingedTranscript.get("pings").asInt()).as("30+ min bridged by pings every 4.5 min").isBetween(6, 7);
        assertThat(pingedTranscript.get("cold_calls").asInt()).isEqualTo(plainTranscript.get("cold_calls").asInt());
        assertThat(pingedTranscript.get("ping_cost_usd").asDouble()).isPositive();
    }

    @Test
    void a_pause_after_every_traces_last_call_is_said_to_change_nothing() {
        Path billed = TraceFixtures.path(TraceFixtures.CLAUDE_CODE);
        CliRun beyond = replay(List.of(billed), "--strategies", "transcript", "--pause-at", "2=30", "--pause-at",
                "500=10");
        JsonNode plain = json(replay(List.of(billed), "--format", "json", "--strategies", "transcript").out());

        assertThat(beyond.exitCode()).as(beyond.err()).isZero();
        int turns = plain.get("runs").get(0).get("turns").asInt();
        assertThat(beyond.err()).contains("--pause-at 500: no trace has that many calls (the longest has " + turns
                + "); that pause changed nothing").doesNotContain("--pause-at 2:");
    }

    @Test
    void a_think_time_spaces_the_calls_of_a_log_without_times_and_past_the_ttl_each_is_cold() {
        // A SWE-agent trajectory says nothing of when its calls were made.
        Path untimed = TraceFixtures.path(TraceFixtures.SWE_AGENT);
        JsonNode quick = json(replay(List.of(untimed), "--format", "json", "--strategies", "transcript",
                "--cache-ttl", "5m").out());
        CliRun slow = replay(List.of(untimed), "--format", "json", "--strategies", "transcript",
                "--cache-ttl", "5m", "--think-time", "6m");

        assertThat(slow.exitCode()).as(slow.err()).isZero();
        JsonNode slowTranscript = json(slow.out()).get("runs").get(0);
        assertThat(quick.get("runs").get(0).get("cold_calls").asInt()).isZero();
        assertThat(slowTranscript.get("cold_calls").asInt()).isEqualTo(slowTranscript.get("turns").asInt() - 1);
        assertThat(CliRun.of("replay", "--help").out()).contains("--think-time=DURATION");
        assertThat(replay(List.of(untimed), "--strategies", "transcript", "--think-time", "360s").out().lines()
                .findFirst()).hasValueSatisfying(header -> assertThat(header)
                        .endsWith(", calls 6m apart where a log gives no times (--think-time): 1 run"));
    }

    @Test
    void a_think_time_of_0_replays_the_calls_back_to_back_and_a_negative_one_is_refused() {
        Path untimed = TraceFixtures.path(TraceFixtures.SWE_AGENT);
        CliRun none = replay(List.of(untimed), "--strategies", "transcript", "--cache-ttl", "5m", "--think-time", "0s");
        CliRun negative = replay(List.of(untimed), "--strategies", "transcript", "--think-time", "-20s");

        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out().lines().findFirst()).hasValueSatisfying(header ->
                assertThat(header).endsWith(", calls 0s apart where a log gives no times (--think-time): 1 run"));
        assertThat(negative.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(negative.err().strip()).isEqualTo("cachet: Invalid value for option '--think-time': '-20s' is not 0 "
                + "or a duration like 90s, 30m or 2h (see 'cachet replay --help')");
    }

    @Test
    void a_parameter_that_is_not_a_number_is_a_usage_error() {
        CliRun run = replay(List.of(TraceFixtures.DEMO), "-P", "hybrid.horizon=abc");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'abc' is not a whole number");
    }

    @Test
    void every_report_says_how_it_was_made_what_ifs_and_parameters_in_effect_among_them() {
        List<String> flags = List.of("--strategies", "hybrid", "--pause-at", "3=7.5", "--pause-at", "2=10",
                "-P", "hybrid.keep=4", "--cache-keepalive", "2", "--cache-ttl", "1h", "--think-time", "30s");
        List<String> json = new ArrayList<>(flags);
        json.addAll(List.of("--format", "json"));
        JsonNode settings = json(replay(List.of(TraceFixtures.DEMO), json.toArray(String[]::new)).out()).get("settings");

        assertThat(settings.get("cache_ttl").asText()).isEqualTo("1h");
        assertThat(settings.get("think_time_seconds").asDouble()).isEqualTo(30.0);
        assertThat(settings.get("pause_at").toString()).isEqualTo("{\"2\":10.0,\"3\":7.5}");
        assertThat(settings.get("cache_keepalive").asInt()).isEqualTo(2);
        assertThat(keys(settings.get("strategies"))).containsExactlyInAnyOrder("transcript", "hybrid");
        assertThat(settings.at("/strategies/hybrid/keep").asInt()).isEqualTo(4);
        assertThat(settings.at("/strategies/hybrid/keep_turns").asInt()).as("a default in effect").isPositive();
        String whatIfs = "what-ifs: --pause-at 2=10 --pause-at 3=7.5 --cache-keepalive 2 -P hybrid.keep=4";
        for (String format : List.of("table", "md", "html")) {
            List<String> text = new ArrayList<>(flags);
            text.addAll(List.of("--format", format));
            assertThat(replay(List.of(TraceFixtures.DEMO), text.toArray(String[]::new)).out()).as(format)
                    .contains(whatIfs);
        }
    }

    @Test
    void pauses_and_pings_are_checked_as_they_are_parsed() {
        assertThat(replay(List.of(TraceFixtures.DEMO), "--pause-at", "0=5").err().lines()).containsExactly("cachet: "
                + "Invalid value for option '--pause-at' (CALL=MINUTES): must be at least 1, got 0 (see 'cachet replay --help')");
        assertThat(replay(List.of(TraceFixtures.DEMO), "--pause-at", "3=-1").err()).contains("must be more than 0, got -1");
        assertThat(replay(List.of(TraceFixtures.DEMO), "--pause-at", "5").err().lines()).containsExactly("cachet: Value "
                + "for option '--pause-at' (CALL=MINUTES) should be in KEY=VALUE format but was 5 (see 'cachet replay --help')");
        assertThat(replay(List.of(TraceFixtures.DEMO), "--cache-keepalive", "-2").err()).contains("'--cache-keepalive'")
                .contains("must be at least 0, got -2");
    }

    @Test
    void without_paths_or_agent_logs_in_home_it_asks_for_files() {
        CliRun run = CliRun.withEnvironment(Map.of("HOME", dir.toString()), "replay");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().lines()).containsExactly(NO_LOGS);
    }

    @Test
    void without_paths_it_replays_the_claude_code_logs_in_home() throws IOException {
        Path project = Files.createDirectories(dir.resolve(".claude/projects/-home-me-app"));
        Files.copy(TraceFixtures.path(TraceFixtures.CLAUDE_CODE), project.resolve("5e55-10n.jsonl"));
        Files.writeString(project.resolve("notes.txt"), "not a log");

        CliRun run = CliRun.withEnvironment(Map.of("HOME", dir.toString()), "replay", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = json(run.out());
        assertThat(stream(report.get("runs")).map(r -> r.get("trace").asText() + " " + r.get("strategy").asText()))
                .containsExactlyElementsOf(Stream.concat(STRATEGIES.stream(), Stream.of(RECORDED))
                        .map(s -> "5e55-10n.jsonl " + s).toList());
        assertConsistent(report, 1,
                Map.of("5e55-10n.jsonl", RecordedBill.claudeCode(project.resolve("5e55-10n.jsonl"))));
    }

    @Test
    @Tag("corpus")
    void the_providers_own_misses_are_met_by_every_strategy_unless_the_cache_is_perfect() {
        Path codemie = Corpus.dir().resolve("claude-code-codemie").resolve("session-196820da.jsonl");
        JsonNode met = json(replay(List.of(codemie), "--format", "json").out());
        JsonNode perfect = json(replay(List.of(codemie), "--format", "json", "--perfect-cache").out());

        Map<String, JsonNode> metRuns = byStrategy(met);
        Map<String, JsonNode> perfectRuns = byStrategy(perfect);
        assertThat(perfectRuns.get(RECORDED)).as("the bill is the bill").isEqualTo(metRuns.get(RECORDED));
        int recordedProviderMisses = causes(metRuns.get(RECORDED)).getOrDefault("PROVIDER", 0);
        assertThat(recordedProviderMisses).as("calls that read less than was cached seconds before").isGreaterThan(10);
        for (String strategy : STRATEGIES) {
            assertThat(causes(perfectRuns.get(strategy))).as(strategy).doesNotContainKey("PROVIDER");
            assertThat(causes(metRuns.get(strategy)).get("PROVIDER")).as(strategy).isBetween(1, recordedProviderMisses);
            assertThat(metRuns.get(strategy).get("cost_usd").asDouble()).as(strategy)
                    .isGreaterThan(perfectRuns.get(strategy).get("cost_usd").asDouble());
        }
        // Meeting the provider's misses, the replay of the original's transcript follows its bill.
        double bill = metRuns.get(RECORDED).get("cost_usd").asDouble();
        assertThat(metRuns.get("transcript").get("cost_usd").asDouble()).isCloseTo(bill, withinPercentage(5));
        assertThat(perfectRuns.get("transcript").get("cost_usd").asDouble()).isLessThan(bill * 0.5);
    }

    @Test
    @Tag("corpus")
    void a_named_cache_lifetime_replays_the_strategies_at_it_and_leaves_the_bill_and_its_fidelity_as_paid() {
        // Claude Code paid every write of this session at the hour's price, 2x input.
        Path hourLong = Corpus.dir().resolve("claude-code-spotter").resolve("258c7280-ae70-4798-800f-63464d01a85d.jsonl");
        JsonNode hour = json(replay(List.of(hourLong), "--format", "json", "--strategies", "transcript",
                "--cache-ttl", "1h").out());
        JsonNode fiveMinutes = json(replay(List.of(hourLong), "--format", "json", "--strategies", "transcript",
                "--cache-ttl", "5m").out());

        // The bill is the bill, and its original harness is replayed at the hour it paid for whatever the strategies
        // are billed at: the same restart, the same fidelity.
        assertThat(byStrategy(fiveMinutes).get(RECORDED)).isEqualTo(byStrategy(hour).get(RECORDED));
        assertThat(fiveMinutes.get("fidelity")).isEqualTo(hour.get("fidelity"));
        JsonNode cheaper = byStrategy(fiveMinutes).get("transcript");
        JsonNode logged = byStrategy(hour).get("transcript");
        assertThat(cheaper.get("cache_write_tokens").asLong()).isGreaterThanOrEqualTo(logged.get("cache_write_tokens").asLong());
        assertThat(cheaper.get("cost_usd").asDouble()).isLessThan(logged.get("cost_usd").asDouble());
        assertThat(replay(List.of(hourLong), "--strategies", "transcript", "--cache-ttl", "5m").out().lines().findFirst())
                .hasValueSatisfying(header -> assertThat(header).endsWith("else anthropic:claude-sonnet-4-6, every "
                        + "strategy at a 5-minute cache (--cache-ttl 5m; recorded bills as paid, fidelity at each log's "
                        + "own lifetime), calls 20s apart where a log gives no times (--think-time): 4 runs"));
    }

    @Test
    @Tag("corpus")
    void unnamed_the_strategies_replay_at_runs_default_and_what_ifs_leave_the_fidelity_check_as_the_log_ran() {
        Path session = Corpus.dir().resolve("claude-code-codemie").resolve("session-196820da.jsonl");
        List<String> paused = List.of("--format", "json", "--strategies", "transcript", "--perfect-cache",
                "--pause-at", "10=10", "--pause-at", "20=10", "--pause-at", "30=10");

        JsonNode unnamed = json(replay(List.of(session), concat(paused)).out());

        assertThat(unnamed).isEqualTo(json(replay(List.of(session), concat(paused, "--cache-ttl", "auto")).out()));
        JsonNode fiveMinutes = json(replay(List.of(session), concat(paused, "--cache-ttl", "5m")).out());
        assertThat(byStrategy(unnamed).get("transcript")).isNotEqualTo(byStrategy(fiveMinutes).get("transcript"));
        // The log shows no lifetime: its original is replayed at 5 minutes, at the recorded times, meeting the
        // provider's misses, whatever pauses, cache and lifetime the strategies are replayed with.
        JsonNode plain = json(replay(List.of(session), "--format", "json", "--strategies", "transcript",
                "--cache-ttl", "5m").out());
        assertThat(unnamed.get("fidelity")).isEqualTo(plain.get("fidelity"));
        assertThat(byStrategy(plain).get(RECORDED)).isEqualTo(byStrategy(unnamed).get(RECORDED));
        assertThat(Math.abs(plain.get("fidelity").get(0).get("cost_error").asDouble())).isLessThan(0.05);
    }

    @Test
    @Tag("corpus")
    void under_auto_each_request_learns_its_lifetime_only_from_the_pauses_before_it() {
        Path hourLong = Corpus.dir().resolve("claude-code-spotter").resolve("258c7280-ae70-4798-800f-63464d01a85d.jsonl");
        List<String> transcript = List.of("--format", "json", "--strategies", "transcript");
        CliRun auto = replay(List.of(hourLong), concat(transcript, "--cache-ttl", "auto"));

        // The session's one pause is its last gap: nothing before it says to write for an hour, so auto is 5 minutes.
        assertThat(byStrategy(json(auto.out()))).isEqualTo(byStrategy(json(replay(List.of(hourLong),
                concat(transcript, "--cache-ttl", "5m")).out())));
        // Ten minutes more before call 100 is a pause to learn from: auto writes the turns after it for an hour, pays
        // their premium, and reads the prefix after the last pause where 5 minutes writes it all again. (Under a
        // cache that serves all it holds: this provider's own misses, rewritten at the hour's price, weigh against it.)
        Map<String, JsonNode> learnt = byStrategy(json(replay(List.of(hourLong),
                concat(transcript, "--cache-ttl", "auto", "--pause-at", "100=10", "--perfect-cache")).out()));
        Map<String, JsonNode> fiveMinutes = byStrategy(json(replay(List.of(hourLong),
                concat(transcript, "--cache-ttl", "5m", "--pause-at", "100=10", "--perfect-cache")).out()));
        assertThat(learnt.get("transcript").get("cold_calls").asInt()).isEqualTo(1);
        assertThat(fiveMinutes.get("transcript").get("cold_calls").asInt()).isEqualTo(2);
        assertThat(learnt.get("transcript").get("cost_usd").asDouble())
                .isLessThan(fiveMinutes.get("transcript").get("cost_usd").asDouble());
        assertThat(learnt.get(RECORDED)).isEqualTo(fiveMinutes.get(RECORDED));
        // A keep-alive pings at the 5-minute pace, as a live session does, also where the last request wrote for an
        // hour: one ping in each of the three pauses (the two added, the session's own last one).
        Map<String, JsonNode> pinged = byStrategy(json(replay(List.of(hourLong), concat(transcript, "--cache-ttl",
                "auto", "--cache-keepalive", "1", "--pause-at", "100=10", "--pause-at", "120=10")).out()));
        assertThat(pinged.get("transcript").get("pings").asInt()).isEqualTo(3);
        assertThat(replay(List.of(hourLong), "--strategies", "transcript", "--cache-ttl", "auto").out().lines().findFirst())
                .hasValueSatisfying(header -> assertThat(header).endsWith("every strategy at each request's own cache "
                        + "lifetime (--cache-ttl auto; recorded bills as paid, fidelity at each log's own lifetime), calls "
                        + "20s apart where a log gives no times (--think-time): 4 runs"));
    }

    private static String[] concat(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The first trace's runs by strategy: a log's own context, before any sub-agent its progress lines relay. */
    private static Map<String, JsonNode> byStrategy(JsonNode report) {
        Map<String, JsonNode> runs = new HashMap<>();
        report.get("runs").forEach(run -> runs.putIfAbsent(run.get("strategy").asText(), run));
        return runs;
    }

    private static Map<String, Integer> causes(JsonNode run) {
        Map<String, Integer> byCause = new HashMap<>();
        run.get("misses").forEach(miss -> byCause.merge(miss.get("cause").asText(), 1, Integer::sum));
        return byCause;
    }

    @Test
    @Tag("corpus")
    void the_whole_corpus_replays_without_skipping_a_file() {
        CliRun run = replay(List.of(Corpus.dir()), "--format", "json", "--jobs", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("skipped");
        JsonNode report = json(run.out());
        List<JsonNode> runs = stream(report.get("runs")).toList();
        Map<String, RecordedBill> bills = corpusBills(Corpus.dir());
        assertThat(bills).as("the corpus logs that record the usage of every call but a last one").hasSize(16);
        assertThat(runs).hasSize(23 * STRATEGIES.size() + 16);
        assertThat(runs.stream().map(r -> r.get("trace").asText()).distinct()).hasSize(23);
        assertThat(runs.stream().map(r -> r.get("trace").asText() + " " + r.get("strategy").asText()).distinct())
                .hasSize(runs.size());
        // The transcript sees every reference, but where the original harness started its context anew (Claude Code
        // compacted 258c7280), as the original did not.
        assertThat(runs.stream().filter(r -> r.get("strategy").asText().equals("transcript")))
                .hasSize(23).allSatisfy(r -> assertThat(r.get("reference_recall").asDouble()).as(r.get("trace").asText())
                        .isEqualTo(r.get("trace").asText().startsWith("258c7280") ? r.get("reference_recall").asDouble() : 1.0)
                        .isGreaterThan(0.9));
        assertThat(runs.stream().mapToLong(r -> r.get("cache_read_tokens").asLong()).sum())
                .as("the corpus is big enough to read from the cache").isPositive();
        assertConsistent(report, 23, bills);
        // Each original harness, replayed as it ran, costs what it was billed to within 5%, and reads from the cache
        // the share of its input its bill read to within a point.
        assertThat(stream(report.get("fidelity"))).hasSize(16).allSatisfy(f -> {
            assertThat(Math.abs(f.get("cost_error").asDouble())).as(f.get("trace").asText()).isLessThan(0.05);
            assertThat(Math.abs(f.get("cache_read_share_error").asDouble())).as(f.get("trace").asText())
                    .isLessThan(0.01);
        });
    }

    /**
     * The bill of each corpus log that records the usage of every call, or of every call but a last one, by trace
     * name. The SWE-agent demos record none; mini-swe-agent's github_issue lacks it on some call, and OpenHands'
     * runtime trajectory on its last reply, whose response it did not log.
     */
    private static Map<String, RecordedBill> corpusBills(Path corpus) {
        Map<String, RecordedBill> bills = new LinkedHashMap<>();
        for (String folder : List.of("claude-code-codemie", "claude-code-spotter")) {
            files(corpus.resolve(folder)).forEach(file -> bills.put(name(file), RecordedBill.claudeCode(file)));
        }
        // The sub-agents whose own logs the corpus lacks, read from their parents' progress lines.
        Path spotter = corpus.resolve("claude-code-spotter");
        List<String> relayed = List.of("258c7280-ae70-4798-800f-63464d01a85d.jsonl#claude-code-guide-1",
                "subagent.jsonl#Plan-1");
        for (String trace : relayed) {
            Path parent = spotter.resolve(trace.substring(0, trace.indexOf('#')));
            bills.put(trace, RecordedBill.claudeCodeRelayed(parent).values().iterator().next());
        }
        files(corpus.resolve("codex-cli")).forEach(file -> bills.put(name(file), RecordedBill.codex(file)));
        files(corpus.resolve("mini-swe-agent")).stream().filter(file -> !name(file).equals("github_issue.traj.json"))
                .forEach(file -> bills.put(name(file), RecordedBill.miniSweAgent(file)));
        Path openHands = corpus.resolve("openhands/multi_swe_bench_examples_output.jsonl");
        RecordedBill.openHandsOutput(openHands)
                .forEach((instance, bill) -> bills.put(name(openHands) + "#" + instance, bill));
        Path runtime = corpus.resolve("openhands/runtime_trajs_basic_gui_mode.json");
        bills.put(name(runtime), RecordedBill.openHandsEvents(runtime));
        return bills;
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    @Test
    void help_text_is_what_picocli_can_format() {
        CliRun run = CliRun.of("replay", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--strategies", "--out", "--jobs");
        assertThat(helpTexts("replay")).allSatisfy(text -> String.format(Locale.ROOT, text));
    }

    /** The description lines of a subcommand and of its options, as picocli formats them into its help. */
    static List<String> helpTexts(String command) {
        CommandSpec spec = Main.commandLine(Clock.systemUTC(), Map.of(), Path.of(""))
                .getSubcommands().get(command).getCommandSpec();
        List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
        spec.options().forEach(option -> texts.addAll(List.of(option.description())));
        return texts;
    }

    /**
     * Keys and figures that must hold in any report of {@code traces} trajectories under the same strategies, where
     * the traces named in {@code bills} record the usage of every call and bill as the log says.
     */
    /** Each strategy's cache row (the recorded bill's too) counts exactly the misses its runs list, in their order. */
    private static void assertCacheHealthSumsTheRuns(List<JsonNode> runs, List<JsonNode> cache) {
        Map<String, List<JsonNode>> byStrategy = new LinkedHashMap<>();
        runs.forEach(run -> byStrategy.computeIfAbsent(run.get("strategy").asText(), s -> new ArrayList<>()).add(run));
        assertThat(cache).extracting(c -> c.get("strategy").asText()).containsExactlyElementsOf(byStrategy.keySet());
        for (JsonNode health : cache) {
            assertThat(keys(health)).containsExactlyElementsOf(CACHE_KEYS);
            List<JsonNode> group = byStrategy.get(health.get("strategy").asText());
            List<JsonNode> misses = group.stream().flatMap(run -> stream(run.get("misses"))).toList();
            misses.forEach(miss -> assertThat(keys(miss)).containsExactlyElementsOf(MISS_KEYS));
            assertThat(health.get("calls").asInt()).isEqualTo(group.stream().mapToInt(run -> run.get("turns").asInt()).sum());
            assertThat(health.get("misses").asInt()).isEqualTo(misses.size());
            assertThat(health.get("lost_tokens").asLong())
                    .isEqualTo(misses.stream().mapToLong(miss -> miss.get("lost_tokens").asLong()).sum());
            Map<String, Integer> byCause = new LinkedHashMap<>();
            misses.forEach(miss -> byCause.merge(miss.get("cause").asText(), 1, Integer::sum));
            Map<String, Integer> reported = new LinkedHashMap<>();
            health.get("misses_by_cause").fields().forEachRemaining(e -> reported.put(e.getKey(), e.getValue().asInt()));
            assertThat(reported).isEqualTo(byCause);
            assertThat(health.get("pings").asInt()).isEqualTo(group.stream().mapToInt(run -> run.get("pings").asInt()).sum());
        }
    }

    private static void assertConsistent(JsonNode report, int traces, Map<String, RecordedBill> bills) {
        assertThat(keys(report)).containsExactlyElementsOf(REPORT_KEYS);
        List<JsonNode> runs = stream(report.get("runs")).toList();
        List<JsonNode> summary = stream(report.get("summary")).toList();
        assertThat(summary).isNotEmpty();
        assertThat(runs).hasSize(traces * summary.size() + bills.size());
        Map<String, JsonNode> recorded = new LinkedHashMap<>();
        Map<String, JsonNode> transcripts = new LinkedHashMap<>();
        for (JsonNode run : runs) {
            String trace = run.get("trace").asText();
            switch (run.get("strategy").asText()) {
                case RECORDED -> assertThat(recorded.put(trace, run)).as(trace + ": one recorded row").isNull();
                case "transcript" -> transcripts.put(trace, run);
                default -> { }
            }
        }
        assertThat(recorded.keySet()).as("a recorded row for each trace with usage")
                .containsExactlyInAnyOrderElementsOf(bills.keySet());
        bills.forEach((trace, bill) -> assertThat(RecordedBill.ofRun(recorded.get(trace)))
                .as(trace + ": the recorded row is the log's bill").isEqualTo(bill));
        assertCacheHealthSumsTheRuns(runs, stream(report.get("cache")).toList());
        for (JsonNode run : runs) {
            assertThat(keys(run)).containsExactlyElementsOf(RUN_KEYS);
            String trace = run.get("trace").asText();
            String what = trace + " " + run.get("strategy").asText();
            int turns = run.get("turns").asInt();
            long input = run.get("input_tokens").asLong();
            long write = run.get("cache_write_tokens").asLong();
            long read = run.get("cache_read_tokens").asLong();
            double inputCost = run.get("input_cost_usd").asDouble();
            assertThat(turns).as(what).isPositive();
            assertThat(input).as(what + ": input counts its cache writes and reads").isGreaterThanOrEqualTo(write + read);
            assertThat(run.get("cache_hit_rate").asDouble()).as(what)
                    .isCloseTo(input == 0 ? 0 : (double) read / input, within(1e-12));
            assertThat(run.get("cost_usd").asDouble()).as(what).isGreaterThanOrEqualTo(inputCost);
            assertThat(inputCost).as(what).isPositive();
            if (run.get("strategy").asText().equals("recorded")) {
                assertThat(run.get("reference_recall").isNull()).as(what + ": a bill renders no window").isTrue();
            } else {
                assertThat(run.get("reference_recall").asDouble()).as(what).isBetween(0.0, 1.0);
            }
            assertThat(run.get("reread_cost_usd").asDouble()).as(what).isBetween(0.0, inputCost);
            run.get("misses").forEach(miss -> assertThat(miss.get("input_cost_usd").asDouble()).as(what).isPositive());
            assertThat(run.get("peak_window_tokens").asInt()).as(what).isPositive();
            assertThat(run.get("estimated").asBoolean()).as(what + ": estimated exactly without usage")
                    .isEqualTo(!bills.containsKey(trace));
            JsonNode ratio = run.get("cost_ratio_vs_recorded");
            if (bills.containsKey(trace)) {
                assertThat(ratio.asDouble()).as(what)
                        .isCloseTo(run.get("cost_usd").asDouble() / recorded.get(trace).get("cost_usd").asDouble(),
                                within(1e-12));
            } else {
                assertThat(ratio.isNull()).as(what + ": no ratio without a recorded bill").isTrue();
            }
            double p50 = run.get("p50_call_input_cost_usd").asDouble();
            double p95 = run.get("p95_call_input_cost_usd").asDouble();
            double max = run.get("max_call_input_cost_usd").asDouble();
            assertThat(p50).as(what).isPositive().isLessThanOrEqualTo(p95);
            assertThat(p95).as(what).isLessThanOrEqualTo(max);
            assertThat(max).as(what + ": the dearest call is one of the calls, at least their mean")
                    .isLessThanOrEqualTo(inputCost).isGreaterThanOrEqualTo(inputCost / turns * (1 - 1e-12));
            assertThat(run.get("cold_calls").asInt()).as(what + ": the first call follows no other")
                    .isBetween(0, turns - 1);
            assertThat(run.get("restart_cost_usd").asDouble()).as(what).isPositive();
        }
        recorded.forEach((trace, bill) -> {
            JsonNode transcript = transcripts.get(trace);
            assertThat(bill.get("turns").asInt()).as(trace + ": the bill has the calls replayed")
                    .isEqualTo(transcript.get("turns").asInt());
            // The log holds no window to resume from: the bill's restart is its original's, the transcript's window
            // written cold at the lifetime the log shows (the strategies' may write it at the other's price).
            assertThat(bill.get("restart_cost_usd").asDouble()).as(trace)
                    .isBetween(transcript.get("restart_cost_usd").asDouble() * 1.25 / 2 * (1 - 1e-9),
                            transcript.get("restart_cost_usd").asDouble() * 2 / 1.25 * (1 + 1e-9));
        });

        assertThat(summary.get(0).get("strategy").asText()).isEqualTo("transcript");
        double transcriptCost = summary.get(0).get("input_cost_usd").asDouble();
        double recordedCost = recorded.values().stream().mapToDouble(r -> r.get("cost_usd").asDouble()).sum();
        for (JsonNode s : summary) {
            assertThat(keys(s)).containsExactlyElementsOf(SUMMARY_KEYS);
            String strategy = s.get("strategy").asText();
            assertThat(strategy).as("the recorded bills are the summary's baseline, not a row of it")
                    .isNotEqualTo(RECORDED);
            List<JsonNode> own = runs.stream().filter(r -> r.get("strategy").asText().equals(strategy)).toList();
            assertThat(s.get("traces").asInt()).as(strategy).isEqualTo(traces).isEqualTo(own.size());
            assertThat(s.get("input_cost_usd").asDouble()).as(strategy)
                    .isCloseTo(own.stream().mapToDouble(r -> r.get("input_cost_usd").asDouble()).sum(), within(1e-9));
            assertThat(s.get("cost_usd").asDouble()).as(strategy)
                    .isCloseTo(own.stream().mapToDouble(r -> r.get("cost_usd").asDouble()).sum(), within(1e-9));
            assertThat(s.get("input_cost_ratio_vs_transcript").asDouble()).as(strategy)
                    .isCloseTo(s.get("input_cost_usd").asDouble() / transcriptCost, within(1e-12));
            if (bills.isEmpty()) {
                assertThat(s.get("cost_ratio_vs_recorded").isNull()).as(strategy + ": no bill to compare with")
                        .isTrue();
            } else {
                double billedCost = own.stream().filter(r -> bills.containsKey(r.get("trace").asText()))
                        .mapToDouble(r -> r.get("cost_usd").asDouble()).sum();
                assertThat(s.get("cost_ratio_vs_recorded").asDouble()).as(strategy + ": over the traces with a bill")
                        .isCloseTo(billedCost / recordedCost, within(1e-12));
            }
            assertThat(s.get("p95_call_input_cost_ratio_vs_transcript").asDouble()).as(strategy).isPositive();
            assertThat(s.get("reference_recall").asDouble()).as(strategy).isBetween(0.0, 1.0);
        }
        assertThat(summary.get(0).get("input_cost_ratio_vs_transcript").asDouble()).isEqualTo(1.0);
        assertThat(summary.get(0).get("p95_call_input_cost_ratio_vs_transcript").asDouble()).isEqualTo(1.0);
        boolean transcriptSawAll = runs.stream().filter(r -> r.get("strategy").asText().equals("transcript"))
                .allMatch(r -> r.get("reference_recall").asDouble() == 1.0);
        if (transcriptSawAll) {
            assertThat(summary.get(0).get("reference_recall").asDouble()).isEqualTo(1.0);
        }

        List<JsonNode> fidelity = stream(report.get("fidelity")).toList();
        assertThat(fidelity).extracting(f -> f.get("trace").asText()).as("one entry per trace with usage, in order")
                .containsExactlyElementsOf(recorded.keySet());
        for (JsonNode f : fidelity) {
            assertThat(keys(f)).containsExactlyElementsOf(FIDELITY_KEYS);
            String trace = f.get("trace").asText();
            JsonNode transcript = transcripts.get(trace);
            JsonNode bill = recorded.get(trace);
            // The original's replay sends what the strategies' transcript sends, whatever lifetime either is billed at.
            assertThat(f.get("input_error").asDouble()).as(trace + ": (replayed - recorded) / recorded")
                    .isCloseTo((double) transcript.get("input_tokens").asLong() / bill.get("input_tokens").asLong() - 1,
                            within(1e-9));
            assertThat(f.get("per_call_input_median_error").asDouble()).as(trace + ": a median of absolute errors")
                    .isNotNegative();
        }
    }

    private static CliRun replay(List<Path> paths, String... options) {
        List<String> args = new ArrayList<>(List.of("replay"));
        paths.forEach(p -> args.add(p.toString()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static Stream<JsonNode> stream(JsonNode array) {
        assertThat(array.isArray()).as("a JSON list").isTrue();
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
