package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cachet.context.TokenCounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceSummariesTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    /** An oversized tool result: more than 10k tokens. */
    private static final String BIG_RESULT = "line of build output ".repeat(3_000);

    @TempDir
    Path dir;

    @Test
    void the_streaming_reader_gives_the_importers_summaries_on_every_fixture_and_corpus_file() throws IOException {
        TraceFormat claudeCode = new ClaudeCodeFormat();
        List<Path> files = new ArrayList<>(files(Path.of("src/test/resources/traces")));
        if (Files.isDirectory(Corpus.root())) {
            files.addAll(files(Corpus.root()));
        }
        int streamed = 0;
        for (Path file : files) {
            if (!TraceFormats.detect(file).map(f -> f.label().equals(ClaudeCodeFormat.LABEL)).orElse(false)) {
                continue;
            }
            Throwable failure = catchThrowable(() -> claudeCode.summaries(file, COUNTER));
            ClaudeCodeSummaryReader reader = new ClaudeCodeSummaryReader(COUNTER, new AtomicLong());
            if (failure != null) {
                assertThat(catchThrowable(() -> reader.read(file, Optional.empty())))
                        .as("%s fails to import, so the stream reader must give it up", file)
                        .isInstanceOf(RuntimeException.class);
                continue;
            }
            assertThat(reader.read(file, Optional.empty()).summaries()).as(file.toString())
                    .isEqualTo(claudeCode.summaries(file, COUNTER));
            streamed++;
        }
        assertThat(streamed).as("Claude Code files read by the stream reader").isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_file_is_read_in_the_format_given_without_asking_any_format_to_recognise_it() throws IOException {
        Path log = Files.writeString(dir.resolve("any.jsonl"), "{}\n");
        List<TraceSummary> fixed = new CachetLogFormat().summaries(TraceSamples.DEMO, COUNTER);
        AtomicLong asked = new AtomicLong();
        TraceFormat given = new TraceFormat() {
            public String label() { return "given"; }
            public String expected() { return "anything"; }
            public boolean recognises(Path file, FileHead head) { asked.incrementAndGet(); return true; }
            public List<Trajectory> read(Path file) { throw new AssertionError("summaries are asked for"); }
            @Override
            public List<TraceSummary> summaries(Path file, TokenCounter counter) { return fixed; }
        };

        FileSummary read = new TraceSummaries(COUNTER).read(log, given);

        assertThat(read.summaries()).isEqualTo(fixed);
        assertThat(asked).hasValue(0);
    }

    @Test
    void a_reader_for_no_cache_gives_the_same_summaries_and_no_state_to_resume_from() throws IOException {
        Path log = dir.resolve("once.jsonl");
        Files.write(log, List.of(
                "{\"type\":\"user\",\"sessionId\":\"s\",\"message\":{\"role\":\"user\",\"content\":\"build it\"}}",
                assistant("m1", "[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Bash\",\"input\":{}}]"),
                result("t1", "ok"),
                assistant("m2", "\"done\"")), StandardCharsets.UTF_8);

        FileSummary once = new TraceSummaries(COUNTER).withoutResume().read(log, new ClaudeCodeFormat());

        FileSummary cached = new TraceSummaries(COUNTER).read(log, new ClaudeCodeFormat());
        assertThat(cached.resume()).isPresent();
        assertThat(once.resume()).isEmpty();
        assertThat(once.summaries()).isEqualTo(cached.summaries());
    }

    @Test
    void the_streaming_reader_finds_the_importers_oversized_results_at_the_same_turns() throws IOException {
        Path log = bigResultLog();
        List<TraceSummary> streamed = new ClaudeCodeSummaryReader(COUNTER, new AtomicLong())
                .read(log, Optional.empty()).summaries();
        assertThat(streamed.get(0).sizedResults().oversized())
                .containsExactly(new TraceSummary.OversizedResult(1, COUNTER.count(BIG_RESULT)));
        assertThat(streamed).isEqualTo(new ClaudeCodeFormat().summaries(log, COUNTER));

        // Read on from a saved state that already holds the oversized result: it is kept, not read again.
        Files.write(log, List.of(assistant("m4", "\"more\"")), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        AtomicLong parsed = new AtomicLong();
        ClaudeCodeSummaryReader reader = new ClaudeCodeSummaryReader(COUNTER, parsed);
        FileSummary first = new ClaudeCodeSummaryReader(COUNTER, new AtomicLong()).read(log, Optional.empty());
        Files.write(log, List.of(assistant("m5", "\"end\"")), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        FileSummary grown = reader.read(log, first.resume());
        assertThat(parsed.get()).isEqualTo(assistant("m5", "\"end\"").getBytes(StandardCharsets.UTF_8).length);
        assertThat(grown.summaries()).isEqualTo(new ClaudeCodeFormat().summaries(log, COUNTER));
        assertThat(grown.summaries().get(0).sizedResults().oversized()).hasSize(1);
    }

    @Test
    void a_reader_for_reports_by_period_skips_the_results_sizes_and_serves_only_such_reports() throws IOException {
        Path log = bigResultLog();
        TraceSummaries sizing = new TraceSummaries(COUNTER);
        TraceSummaries skipping = sizing.withoutResultSizes();

        List<TraceSummary> sized = sizing.read(log, new ClaudeCodeFormat()).summaries();
        List<TraceSummary> unsized = skipping.read(log, new ClaudeCodeFormat()).summaries();

        assertThat(sized.get(0).sizedResults().oversized()).hasSize(1);
        assertThat(unsized).extracting(TraceSummary::resultTokens).containsOnly(Optional.empty());
        assertThat(unsized).extracting(TraceSummary::turns)
                .isEqualTo(sized.stream().map(TraceSummary::turns).toList());
        assertThat(sizing.serves(sized)).isTrue();
        assertThat(sizing.serves(unsized)).isFalse();
        assertThat(skipping.serves(unsized)).isTrue();
        assertThat(skipping.serves(sized)).isTrue();
        assertThatThrownBy(() -> unsized.get(0).sizedResults()).hasMessageContaining("big.jsonl");
    }

    @Test
    void a_grown_log_is_read_on_unless_the_earlier_read_skipped_the_sizes_this_one_needs() throws IOException {
        Path log = bigResultLog();
        FileSummary skipped = new TraceSummaries(COUNTER).withoutResultSizes().read(log, new ClaudeCodeFormat());
        Files.write(log, List.of(assistant("m4", "\"more\"")), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        TraceSummaries sizing = new TraceSummaries(COUNTER);
        FileSummary grown = sizing.read(log, new ClaudeCodeFormat(), skipped.resume());

        assertThat(sizing.bytesParsed()).as("read from the start")
                .isEqualTo(Files.size(log) - Files.readAllLines(log).size());
        assertThat(grown.summaries()).isEqualTo(new ClaudeCodeFormat().summaries(log, COUNTER));

        String last = assistant("m5", "\"end\"");
        Files.write(log, List.of(last), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        TraceSummaries skipping = new TraceSummaries(COUNTER).withoutResultSizes();
        FileSummary more = skipping.read(log, new ClaudeCodeFormat(), grown.resume());

        assertThat(skipping.bytesParsed()).as("read on").isEqualTo(last.getBytes(StandardCharsets.UTF_8).length);
        assertThat(more.summaries()).as("still sized").isEqualTo(new ClaudeCodeFormat().summaries(log, COUNTER));
    }

    /** A session whose second tool result is {@link #BIG_RESULT}. */
    private Path bigResultLog() throws IOException {
        Path log = dir.resolve("big.jsonl");
        Files.write(log, List.of(
                "{\"type\":\"user\",\"sessionId\":\"s\",\"message\":{\"role\":\"user\",\"content\":\"build it\"}}",
                assistant("m1", "[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Bash\",\"input\":{}}]"),
                result("t1", "ok"),
                assistant("m2", "[{\"type\":\"tool_use\",\"id\":\"t2\",\"name\":\"Bash\",\"input\":{}}]"),
                result("t2", BIG_RESULT),
                assistant("m3", "\"done\"")), StandardCharsets.UTF_8);
        return log;
    }

    private static String assistant(String id, String content) {
        return "{\"type\":\"assistant\",\"sessionId\":\"s\",\"requestId\":\"r-" + id + "\",\"message\":{\"id\":\"" + id
                + "\",\"model\":\"claude-opus-4-6\",\"content\":" + content
                + ",\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}}";
    }

    private static String result(String callId, String text) {
        return "{\"type\":\"user\",\"sessionId\":\"s\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":"
                + "\"tool_result\",\"tool_use_id\":\"" + callId + "\",\"content\":\"" + text + "\"}]}}";
    }

    @Test
    void a_line_written_again_under_its_uuid_is_read_once_as_the_importer_reads_it_also_when_read_on() throws IOException {
        List<String> lines = List.of(
                "{\"type\":\"user\",\"sessionId\":\"s\",\"message\":{\"role\":\"user\",\"content\":\"build it\"}}",
                assistant("m1", "[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Bash\",\"input\":{}}]"),
                result("t1", BIG_RESULT),
                assistant("m2", "\"done\""));
        List<String> named = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            named.add(lines.get(i).replaceFirst("\\{", "{\"uuid\":\"u-" + i + "\","));
        }
        Path log = Files.write(dir.resolve("again.jsonl"), named, StandardCharsets.UTF_8);
        FileSummary first = new ClaudeCodeSummaryReader(COUNTER, new AtomicLong()).read(log, Optional.empty());

        // Written again later, as the desktop app writes the history after a compaction, one copy with a field more.
        List<String> again = new ArrayList<>(named.subList(1, 3));
        again.set(0, again.get(0).replaceFirst("\\{", "{\"slug\":\"later\","));
        again.add(assistant("m3", "\"more\"").replaceFirst("\\{", "{\"uuid\":\"u-9\","));
        Files.write(log, again, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        List<TraceSummary> imported = new ClaudeCodeFormat().summaries(log, COUNTER);
        List<TraceSummary> readOn = new ClaudeCodeSummaryReader(COUNTER, new AtomicLong()).read(log, first.resume())
                .summaries();

        assertThat(imported.get(0).turns()).hasSize(3);
        assertThat(imported.get(0).sizedResults().oversized()).hasSize(1);
        assertThat(readOn).isEqualTo(imported);
        assertThat(new ClaudeCodeSummaryReader(COUNTER, new AtomicLong()).read(log, Optional.empty()).summaries())
                .isEqualTo(imported);
    }

    @Test
    void a_grown_log_is_read_on_from_where_the_last_read_stopped() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/traces/claude-code/sidechains.jsonl"));
        Path log = dir.resolve("live.jsonl");
        int half = lines.size() / 2;
        Files.write(log, lines.subList(0, half), StandardCharsets.UTF_8);
        AtomicLong parsed = new AtomicLong();
        ClaudeCodeSummaryReader reader = new ClaudeCodeSummaryReader(COUNTER, parsed);
        FileSummary first = reader.read(log, Optional.empty());
        long before = Files.size(log);
        assertThat(first.resume()).isPresent();
        assertThat(first.resume().get().offset()).isEqualTo(before);

        Files.write(log, lines.subList(half, lines.size()), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        parsed.set(0);
        FileSummary grown = reader.read(log, first.resume());

        long appended = lines.subList(half, lines.size()).stream().filter(line -> !line.isBlank())
                .mapToLong(line -> line.getBytes(StandardCharsets.UTF_8).length).sum();
        assertThat(parsed.get()).as("bytes parsed: only the appended lines").isEqualTo(appended);
        assertThat(grown.summaries()).isEqualTo(new ClaudeCodeFormat().summaries(log, COUNTER));
        assertThat(grown.resume().get().offset()).isEqualTo(Files.size(log));
    }

    @Test
    void a_torn_last_line_is_left_out_as_the_importer_leaves_it_and_the_next_read_starts_at_it() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/traces/claude-code/sidechains.jsonl"));
        String whole = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
        String last = lines.get(lines.size() - 1);
        Path log = Files.writeString(dir.resolve("live.jsonl"), whole + last.substring(0, last.length() / 2));
        AtomicLong parsed = new AtomicLong();
        ClaudeCodeSummaryReader reader = new ClaudeCodeSummaryReader(COUNTER, parsed);

        FileSummary torn = reader.read(log, Optional.empty());

        assertThat(torn.summaries()).isEqualTo(new ClaudeCodeFormat().summaries(log, COUNTER));
        assertThat(torn.resume()).hasValueSatisfying(resume ->
                assertThat(resume.offset()).isEqualTo(whole.getBytes(StandardCharsets.UTF_8).length));
        // The line written whole: the next read parses it alone.
        Files.writeString(log, whole + last + "\n");
        parsed.set(0);
        FileSummary grown = reader.read(log, torn.resume());
        assertThat(parsed.get()).isEqualTo(last.getBytes(StandardCharsets.UTF_8).length);
        assertThat(grown.summaries()).isEqualTo(new ClaudeCodeFormat().summaries(log, COUNTER));
    }

    @Test
    void the_streaming_reader_reads_fields_in_any_order_and_of_any_shape_as_the_importer_does() throws IOException {
        String usage = "\"usage\":{\"output_tokens\":7,\"cache_creation\":{\"ephemeral_1h_input_tokens\":40},"
                + "\"input_tokens\":3,\"cache_read_input_tokens\":null,\"cache_creation_input_tokens\":50}";
        List<String> lines = List.of(
                // type after message, a first text of blocks with an image, a null text and an unknown block
                "{\"message\":{\"content\":[{\"text\":\"first\",\"type\":\"text\"},{\"type\":\"image\"},"
                        + "{\"type\":\"text\",\"text\":null},\"loose\",{\"type\":\"thinking\",\"text\":\"x\"}]},"
                        + "\"sessionId\":\"s1\",\"isSidechain\":null,\"type\":\"user\",\"uuid\":\"u1\"}",
                "{\"type\":\"assistant\",\"message\":{" + usage + ",\"content\":[{\"input\":{\"prompt\":\"dig\","
                        + "\"subagent_type\":\"Explore\"},\"name\":\"Task\",\"id\":\"t1\",\"type\":\"tool_use\"},"
                        + "{\"type\":\"tool_use\",\"id\":\"t2\",\"name\":\"Read\",\"input\":\"raw\"}],"
                        + "\"model\":\"claude-opus-4-6\",\"id\":\"m1\"},\"timestamp\":\"2026-03-01T10:00:01Z\"}",
                "{\"type\":\"assistant\",\"requestId\":null,\"message\":{\"id\":\"m2\",\"model\":\"<synthetic>\","
                        + "\"content\":\"limit\"}}",
                // results: blocks of text and images, null content, a string, one for no call of this context
                "{\"type\":\"user\",\"message\":{\"content\":[{\"content\":[{\"type\":\"text\",\"text\":\""
                        + "word ".repeat(300) + "\"},{\"type\":\"image\"},{\"text\":\"tail\",\"type\":\"text\"}],"
                        + "\"tool_use_id\":\"t1\",\"type\":\"tool_result\"},{\"type\":\"tool_result\","
                        + "\"tool_use_id\":\"t2\",\"content\":null},{\"type\":\"tool_result\",\"tool_use_id\":"
                        + "\"zz\",\"content\":\"" + "other ".repeat(900) + "\"}]},\"toolUseResult\":\"Error\"}",
                // a sidechain without agentId whose uuid comes after its message, named by its prompt
                "{\"isSidechain\":true,\"parentUuid\":null,\"type\":\"user\",\"message\":{\"content\":\"dig\"},"
                        + "\"uuid\":\"s1\"}",
                "{\"isSidechain\":true,\"type\":\"assistant\",\"message\":{\"id\":\"m3\",\"model\":null,"
                        + "\"content\":[]," + usage + "},\"parentUuid\":\"s1\",\"uuid\":\"s2\",\"requestId\":\"r3\"}",
                "{\"type\":\"system\",\"message\":\"not an object\"}",
                "{\"type\":\"user\",\"message\":{\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\","
                        + "\"content\":\"done\"}]},\"toolUseResult\":{\"agentId\":\"a9\",\"content\":[1,2]}}",
                "{\"type\":\"assistant\",\"message\":{\"id\":\"m4\",\"model\":\"claude-sonnet-4-5\","
                        + "\"content\":\"ok\"," + usage + "},\"requestId\":\"r4\",\"timestamp\":null}");
        Path log = dir.resolve("shapes.jsonl");
        Files.write(log, lines, StandardCharsets.UTF_8);
        assertStreamedAsImported(log, 2);
    }

    @Test
    void the_streaming_reader_follows_a_sub_agents_chain_through_its_progress_lines_as_the_importer_does()
            throws IOException {
        assertStreamedAsImported(TraceSamples.sidechainsThroughProgress(dir), 3);
    }

    @Test
    void the_streaming_reader_reads_a_sub_agent_its_parents_progress_lines_relay_as_the_importer_does()
            throws IOException {
        Path log = TraceSamples.sidechainsAsAgentProgress(dir);

        assertStreamedAsImported(log, 3);
        // Where the Explore agent's own log lies beside its parent's, that log holds its calls.
        Files.createDirectories(dir.resolve("relay/subagents"));
        Files.writeString(dir.resolve("relay/subagents/agent-aE.jsonl"), "{}\n");
        assertStreamedAsImported(log, 2);
    }

    /** The streaming reader gives the importer's summaries of {@code log}, of that many traces. */
    private static void assertStreamedAsImported(Path log, int traces) {
        assertThat(new ClaudeCodeSummaryReader(COUNTER, new AtomicLong()).read(log, Optional.empty()).summaries())
                .isEqualTo(new ClaudeCodeFormat().summaries(log, COUNTER))
                .hasSize(traces);
    }

    @Test
    void the_streaming_reader_tells_responses_named_alike_apart_by_their_input_as_the_importer_does()
            throws IOException {
        String relayed = "{\"type\":\"assistant\",\"message\":{\"id\":\"relay\",\"model\":\"m\",\"content\":\"ok\","
                + "\"usage\":{\"input_tokens\":%d,\"cache_read_input_tokens\":%d,\"output_tokens\":%d}}}";
        Path log = Files.write(dir.resolve("relay.jsonl"), List.of(
                "{\"type\":\"user\",\"sessionId\":\"s\",\"message\":{\"content\":\"go\"}}",
                relayed.formatted(100, 0, 1), relayed.formatted(100, 0, 30), relayed.formatted(20, 130, 5),
                // named by Anthropic: one response, though its last line counts more input
                named(relayed.formatted(40, 0, 1)), named(relayed.formatted(60, 0, 9))));

        List<TraceSummary> streamed = new ClaudeCodeSummaryReader(COUNTER, new AtomicLong()).read(log, Optional.empty())
                .summaries();
        assertThat(streamed).isEqualTo(new ClaudeCodeFormat().summaries(log, COUNTER));
        assertThat(streamed.get(0).turns()).hasSize(3);
    }

    private static String named(String line) {
        return line.replace("\"type\":\"assistant\",", "\"type\":\"assistant\",\"requestId\":\"r\",");
    }

    @Test
    void the_streaming_reader_names_fast_and_us_only_responses_as_the_importer_does() throws IOException {
        String line = "{\"type\":\"assistant\",\"requestId\":\"%s\",\"message\":{\"id\":\"m\",\"model\":%s,"
                + "\"content\":\"ok\",\"usage\":{\"speed\":%s,\"input_tokens\":1,\"output_tokens\":1,"
                + "\"inference_geo\":%s}}}";
        Path log = Files.write(dir.resolve("speeds.jsonl"), List.of(
                "{\"type\":\"user\",\"sessionId\":\"s\",\"message\":{\"content\":\"go\"}}",
                line.formatted("r1", "\"claude-opus-4-6\"", "\"fast\"", "\"global\""),
                line.formatted("r2", "\"claude-opus-4-6\"", "\"standard\"", "\"us\""),
                line.formatted("r3", "\"claude-opus-4-6\"", "{\"fast\":true}", "[\"us\"]"),
                line.formatted("r4", "\"claude-opus-4-6\"", "null", "null"),
                line.formatted("r5", "null", "\"fast\"", "\"us\""),
                line.formatted("r6", "\"\"", "\"fast\"", "\"us\""),
                line.formatted("r7", "\"claude-opus-4-6\"", "\"fast\"", "\"us\"")));

        List<TraceSummary> streamed = new ClaudeCodeSummaryReader(COUNTER, new AtomicLong()).read(log, Optional.empty())
                .summaries();
        assertThat(streamed).isEqualTo(new ClaudeCodeFormat().summaries(log, COUNTER));
        assertThat(streamed.get(0).turns()).extracting(turn -> turn.model().orElse("none")).containsExactly(
                "claude-opus-4-6-fast", "claude-opus-4-6@us", "claude-opus-4-6", "claude-opus-4-6", "none", "none",
                "claude-opus-4-6-fast@us");
        // The session's model is its first response's, as billed.
        assertThat(streamed.get(0).model()).contains("claude-opus-4-6-fast");
    }

    @Test
    void the_streaming_reader_gives_up_lines_the_importer_would_read_otherwise_or_refuse() throws IOException {
        String good = "{\"type\":\"assistant\",\"message\":{\"id\":\"m1\",\"content\":\"ok\",\"usage\":"
                + "{\"input_tokens\":1,\"output_tokens\":2}}}";
        List<String> odd = List.of(
                "{\"type\":\"assistant\",\"message\":{\"id\":\"m1\",\"content\":\"ok\",\"usage\":"
                        + "{\"input_tokens\":1.5,\"output_tokens\":2}}}",
                "{\"type\":\"assistant\",\"message\":{\"id\":\"m1\",\"content\":\"ok\",\"usage\":"
                        + "{\"input_tokens\":1,\"output_tokens\":2,\"cache_creation_input_tokens\":-5}}}",
                "{\"type\":\"assistant\",\"type\":\"user\",\"message\":{\"content\":\"ok\"}}",
                // repeated deep inside a value the reader skips
                "{\"type\":\"assistant\",\"message\":{\"id\":\"m2\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t\","
                        + "\"name\":\"Bash\",\"input\":{\"command\":\"ls\",\"env\":{\"A\":1,\"A\":2}}}],\"usage\":"
                        + "{\"input_tokens\":1,\"output_tokens\":2}}}",
                "{\"type\":\"user\",\"message\":{\"content\":\"ok\"}} {}",
                // more lines to readLine, which ends one at a lone carriage return
                "{\"type\":\"user\",\r\"message\":{\"content\":\"ok\"}}",
                "{\"type\":\"user\",\"message\":{\"content\":\"ok\"}}\r ",
                "\r{\"type\":\"user\",\"message\":{\"content\":\"ok\"}}",
                "{\"type\":\"user\",\"message\":{\"content\":\"o\rk\"}}",
                "{\"type\":\"user\",\"isSidechain\":\"true\",\"message\":{\"content\":\"ok\"}}",
                "{\"type\":\"user\",\"message\":{\"content\":{\"type\":\"text\"}}}",
                "{\"type\":7,\"message\":{\"content\":\"ok\"}}",
                "[1]");
        for (String line : odd) {
            Path log = dir.resolve("odd.jsonl");
            Files.write(log, List.of(good, line), StandardCharsets.UTF_8);
            ClaudeCodeSummaryReader reader = new ClaudeCodeSummaryReader(COUNTER, new AtomicLong());
            assertThat(catchThrowable(() -> reader.read(log, Optional.empty()))).as(line)
                    .isInstanceOf(Unsure.class);
        }
    }

    @Test
    void result_sizes_skip_texts_too_short_to_beat_the_largest_and_count_the_same() {
        ResultSizes sizes = new ResultSizes(COUNTER);
        List<String> texts = List.of("short", "a much longer text with many words in it ".repeat(50), "tiny",
                "héllo wörld ".repeat(20), "\uD83D\uDE00".repeat(30));
        texts.forEach(text -> sizes.add(0, text));
        assertThat(sizes.largest()).isEqualTo(texts.stream().mapToInt(COUNTER::count).max().orElseThrow());
        assertThat(sizes.oversized()).isEmpty();
    }

    @Test
    void result_sizes_keep_every_result_over_the_oversized_limit_with_its_turn() {
        ResultSizes sizes = new ResultSizes(COUNTER);
        String big = "word ".repeat(12_000);
        String bytesButFewTokens = "a".repeat(12_000);
        sizes.add(2, big);
        sizes.add(3, bytesButFewTokens);
        sizes.add(5, big + big);
        int bigTokens = COUNTER.count(big);
        assertThat(bigTokens).isGreaterThan(TraceSummary.OVERSIZED_RESULT_TOKENS);
        assertThat(COUNTER.count(bytesButFewTokens)).isLessThanOrEqualTo(TraceSummary.OVERSIZED_RESULT_TOKENS);
        assertThat(sizes.oversized()).containsExactly(new TraceSummary.OversizedResult(2, bigTokens),
                new TraceSummary.OversizedResult(5, COUNTER.count(big + big)));
        assertThat(sizes.largest()).isEqualTo(COUNTER.count(big + big));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
