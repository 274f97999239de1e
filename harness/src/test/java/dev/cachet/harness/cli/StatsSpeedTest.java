package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cachet.harness.bench.SyntheticLogs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stats reads the same whatever the number of jobs and the state of its cache, in memory that does not grow. */
class StatsSpeedTest {
    @TempDir
    Path dir;

    @Test
    void output_is_the_same_byte_for_byte_for_any_jobs_cold_and_warm() throws IOException {
        Path logs = dir.resolve("logs");
        new SyntheticLogs(7).write(logs, 1_500_000);
        List<String> inputs = new ArrayList<>(List.of(logs.toString(),
                Path.of("../evals/src/test/resources/traces").toAbsolutePath().normalize().toString()));
        Path corpus = Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/corpus");
        if (Files.isDirectory(corpus)) {
            inputs.add(corpus.toString());
        }
        String reference = stats(dir.resolve("a"), inputs, "--jobs", "1", "--no-cache");
        assertThat(reference).contains("\"sessions\"");
        for (String jobs : List.of("1", "4")) {
            Path home = dir.resolve("home-" + jobs);
            assertThat(stats(home, inputs, "--jobs", jobs)).as("cold, %s jobs", jobs).isEqualTo(reference);
            assertThat(stats(home, inputs, "--jobs", jobs)).as("warm, %s jobs", jobs).isEqualTo(reference);
        }
    }

    @Test
    void a_grown_log_and_a_corrupt_cache_give_what_a_cold_read_gives() throws IOException {
        List<String> lines = Files.readAllLines(
                Path.of("../evals/src/test/resources/traces/claude-code/sidechains.jsonl"));
        Path log = dir.resolve("logs/live.jsonl");
        Files.createDirectories(log.getParent());
        Files.write(log, lines.subList(0, lines.size() / 2));
        Path home = dir.resolve("home");
        List<String> inputs = List.of(log.toString());
        stats(home, inputs);
        Files.write(log, lines.subList(lines.size() / 2, lines.size()), StandardOpenOption.APPEND);
        String cold = stats(dir.resolve("cold"), inputs, "--no-cache");
        assertThat(stats(home, inputs)).as("read on from the cached offset").isEqualTo(cold);
        assertThat(stats(home, inputs)).as("warm").isEqualTo(cold);
        try (Stream<Path> entries = Files.walk(home.resolve("cache/cachet/stats"))) {
            for (Path entry : entries.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(entry);
                Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            }
        }
        assertThat(stats(home, inputs)).as("truncated cache entries are dropped").isEqualTo(cold);
        assertThat(stats(home, inputs)).as("and rebuilt").isEqualTo(cold);
    }

    @Test
    void a_cache_entry_that_is_no_file_it_wrote_is_dropped_not_waited_on() throws Exception {
        Path log = Files.copy(Path.of("../evals/src/test/resources/traces/claude-code/sidechains.jsonl"),
                Files.createDirectories(dir.resolve("logs")).resolve("s.jsonl"));
        Path home = dir.resolve("home");
        List<String> inputs = List.of(log.toString());
        String cold = stats(home, inputs);
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(home.resolve("cache/cachet/stats"))) {
            entries = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(entries).isNotEmpty();
        for (Path entry : entries) {
            Files.delete(entry);
            // A named pipe: opened for reading, it would wait for a writer.
            assertThat(new ProcessBuilder("mkfifo", entry.toString()).start().waitFor()).isZero();
        }

        String warm = assertTimeoutPreemptively(Duration.ofMinutes(1), () -> stats(home, inputs));

        assertThat(warm).isEqualTo(cold);
        assertThat(entries).allSatisfy(entry -> assertThat(entry).isRegularFile());
    }

    /**
     * A report by period reads without sizing the tool results and caches what it read: the report by session after
     * it reads the logs again, sized, and the report by period takes those.
     */
    @Test
    void a_session_report_after_a_report_by_period_has_the_sizes_the_period_report_skipped() throws IOException {
        Path logs = dir.resolve("logs");
        new SyntheticLogs(11).write(logs, 600_000);
        List<String> inputs = List.of(logs.toString());
        String sessions = stats(dir.resolve("cold"), inputs, "--no-cache");
        String daily = stats(dir.resolve("cold"), "daily", inputs, "--no-cache");
        assertThat(sessions).contains("\"largest_tool_result_tokens\"").doesNotContain("\"largest_tool_result_tokens\" : 0,");
        Path home = dir.resolve("home");

        assertThat(stats(home, "daily", inputs)).as("by period, cold").isEqualTo(daily);
        assertThat(stats(home, inputs)).as("by session after it").isEqualTo(sessions);
        assertThat(stats(home, "daily", inputs)).as("by period, from what the sessions read").isEqualTo(daily);
        assertThat(stats(home, inputs)).as("by session, warm").isEqualTo(sessions);
    }

    /**
     * A log the cache holds, as it was, is not read again, not even its head for its format: one overwritten with
     * bytes of no format, its size and time kept (which the cache takes for unchanged), still reports as cached.
     */
    @Test
    void a_cached_log_is_not_read_again_to_detect_its_format() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path log = Files.copy(Path.of("../evals/src/test/resources/traces/claude-code/sidechains.jsonl"),
                logs.resolve("live.jsonl"));
        Path home = dir.resolve("home");
        List<String> inputs = List.of(logs.toString());
        String cold = stats(home, inputs);
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(log);
        Files.write(log, " ".repeat((int) Files.size(log)).getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(log, modified);

        assertThat(stats(home, inputs)).isEqualTo(cold);
    }

    /**
     * What grows with a year of logs is the calls kept for the report, not the bytes read: 200,000 calls in 1,000
     * sessions, written as tightly as Claude Code writes a call. Kept as objects (some 330 bytes a call with the id set)
     * they did not fit in 96 MB of heap; kept as columns (some 90 bytes) they fit in 68 MB.
     */
    @Test
    void many_calls_are_read_in_a_small_heap() throws Exception {
        Path logs = denseLogs(dir.resolve("logs"), 1_000, 200);
        Path home = Files.createDirectories(dir.resolve("home"));
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx80m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "stats", logs.toString(), "--format", "json", "--jobs", "2")
                .redirectOutput(dir.resolve("out.json").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        java.environment().clear();
        java.environment().putAll(Map.of("HOME", home.toString(), "PATH", System.getenv("PATH")));
        Process process = java.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        assertThat(Files.readString(dir.resolve("out.json"))).contains("\"calls\" : 200000");
    }

    /** {@code sessions} Claude Code logs of {@code calls} calls each, a line a call, nothing else in them. */
    private static Path denseLogs(Path dir, int sessions, int calls) throws IOException {
        Files.createDirectories(dir);
        Instant start = Instant.parse("2026-11-01T09:00:00Z");
        for (int s = 0; s < sessions; s++) {
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("session-" + s + ".jsonl"))) {
                out.write("{\"type\":\"user\",\"sessionId\":\"s" + s + "\",\"timestamp\":\"" + start.plusSeconds(60L * s)
                        + "\",\"message\":{\"role\":\"user\",\"content\":\"go\"}}\n");
                for (int c = 0; c < calls; c++) {
                    out.write("{\"type\":\"assistant\",\"sessionId\":\"s" + s + "\",\"requestId\":\"req_" + s + "_" + c
                            + "\",\"timestamp\":\"" + start.plusSeconds(60L * s + c) + "\",\"message\":{\"id\":\"msg_" + s
                            + "_" + c + "\",\"model\":\"claude-opus-4-6\",\"role\":\"assistant\",\"content\":[{\"type\":"
                            + "\"text\",\"text\":\"ok\"}],\"usage\":{\"input_tokens\":3,\"cache_creation_input_tokens\":"
                            + (100 + c) + ",\"cache_read_input_tokens\":" + (8_000 + 100 * c) + ",\"output_tokens\":50}}}\n");
                }
            }
        }
        return dir;
    }

    private static String stats(Path home, List<String> inputs, String... options) throws IOException {
        return stats(home, "session", inputs, options);
    }

    private static String stats(Path home, String view, List<String> inputs, String... options) throws IOException {
        Files.createDirectories(home);
        List<String> args = new ArrayList<>(List.of("stats", view, "--format", "json"));
        args.addAll(inputs);
        args.addAll(List.of(options));
        CliRun run = CliRun.withEnvironment(Map.of("HOME", home.toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString()), args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isIn(0, 2);
        return run.out();
    }
}
