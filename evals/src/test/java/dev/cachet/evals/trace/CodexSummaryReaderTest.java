package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cachet.context.TokenCounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming Codex reader gives the importer's summaries, or gives the file up to it. */
class CodexSummaryReaderTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();

    @TempDir
    Path dir;

    @Test
    void gives_the_importers_summaries_on_every_fixture_and_corpus_rollout_or_gives_it_up() throws IOException {
        List<Path> files = new ArrayList<>(files(Path.of("src/test/resources/traces")));
        if (Files.isDirectory(Corpus.root())) {
            files.addAll(files(Corpus.root()));
        }
        int streamed = 0;
        for (Path file : files) {
            if (!TraceFormats.detect(file).map(f -> f.label().equals("codex")).orElse(false)) {
                continue;
            }
            Throwable failure = catchThrowable(() -> new CodexFormat().summaries(file, COUNTER));
            Throwable given = catchThrowable(() -> reader().read(file));
            if (failure != null) {
                assertThat(given).as("%s fails to import, so the stream reader must give it up", file)
                        .isInstanceOf(Unsure.class);
            } else if (given == null) {
                assertThat(reader().read(file).summaries()).as(file.toString())
                        .isEqualTo(new CodexFormat().summaries(file, COUNTER));
                streamed++;
            }
        }
        assertThat(streamed).as("Codex rollouts read by the stream reader").isGreaterThanOrEqualTo(1);
    }

    @Test
    void reads_fields_in_any_order_reused_call_ids_repeated_counts_and_an_oversized_output_as_the_importer()
            throws IOException {
        String big = "line of test output ".repeat(3_000);
        Path log = write(
                line("session_meta", "{\"id\":\"r\",\"source\":\"cli\",\"base_instructions\":{\"text\":\"hi\"}}"),
                "{\"payload\":{\"model\":\"gpt-a\",\"cwd\":\"/r\"},\"type\":\"turn_context\",\"timestamp\":null}",
                line("response_item", "{\"role\":\"user\",\"type\":\"message\",\"content\":\"fix it\"}"),
                line("event_msg", "{\"type\":\"token_count\",\"info\":null}"),
                line("response_item", "{\"type\":\"reasoning\",\"summary\":[]}"),
                line("response_item", "{\"name\":\"shell\",\"type\":\"function_call\",\"arguments\":\"{}\","
                        + "\"call_id\":\"c1\"}"),
                line("response_item", "{\"type\":\"web_search_call\",\"action\":{\"query\":\"q\"}}"),
                count(100, 10),
                count(100, 10),
                line("response_item", "{\"type\":\"function_call_output\",\"call_id\":\"c1\",\"output\":\""
                        + big + "\"}"),
                line("response_item", "{\"type\":\"function_call_output\",\"call_id\":\"nobody\","
                        + "\"output\":\"lost\"}"),
                line("turn_context", "{\"model\":\"\"}"),
                line("response_item", "{\"type\":\"custom_tool_call\",\"call_id\":\"c1\",\"name\":\"apply_patch\","
                        + "\"input\":\"*** patch\"}"),
                line("response_item", "{\"type\":\"message\",\"role\":\"assistant\",\"content\":"
                        + "[{\"type\":\"output_text\",\"text\":\"done\"}]}"),
                count(250, 30),
                line("response_item", "{\"type\":\"custom_tool_call_output\",\"call_id\":\"c1\",\"output\":\"ok\"}"),
                line("compacted", "{\"message\":\"x\"}"),
                "",
                line("response_item", "{\"type\":\"reasoning\"}"));
        List<TraceSummary> streamed = reader().read(log).summaries();
        assertThat(streamed).isEqualTo(new CodexFormat().summaries(log, COUNTER));
        assertThat(streamed.get(0).turns()).hasSize(3);
        assertThat(streamed.get(0).sizedResults().oversized())
                .containsExactly(new TraceSummary.OversizedResult(0, COUNTER.count(big)));
        TraceSummary skipped = new CodexSummaryReader(COUNTER, new AtomicLong(), false).read(log).summaries().get(0);
        assertThat(skipped.resultTokens()).as("results not sized").isEmpty();
        assertThat(skipped.turns()).isEqualTo(streamed.get(0).turns());
    }

    @Test
    void reads_reports_of_the_total_alone_and_reports_repeated_after_another_counters_as_the_importer()
            throws IOException {
        String call = line("response_item", "{\"type\":\"reasoning\"}");
        String first = count(100, 10);
        Path log = write(line("session_meta", "{\"id\":\"r\"}"),
                call, first, call, count(40, 5), first,
                call, total("{\"input_tokens\":900,\"cached_input_tokens\":300,\"output_tokens\":60}"),
                call, total("{\"output_tokens\":1,\"input_tokens\":50,\"reasoning_output_tokens\":null}"));

        List<TraceSummary> streamed = reader().read(log).summaries();
        assertThat(streamed).isEqualTo(new CodexFormat().summaries(log, COUNTER));
        assertThat(streamed.get(0).turns()).extracting(turn -> turn.usage().orElseThrow()).containsExactly(
                Usages.openAi(100, 50, 10, 0), Usages.openAi(40, 20, 5, 0), Usages.openAi(860, 300, 55, 0),
                Usages.openAi(50, 0, 1, 0));
        assertThat(streamed.get(0).turns()).allSatisfy(turn -> assertThat(turn.callKey()).isPresent());
    }

    @Test
    void gives_up_what_the_importer_reads_otherwise_or_refuses() throws IOException {
        String meta = line("session_meta", "{\"id\":\"r\"}");
        String call = line("response_item", "{\"type\":\"reasoning\"}");
        String counted = count(10, 1);
        List<List<String>> odd = List.of(
                List.of(meta, call), // no token_count: new input closes calls
                List.of(line("session_meta", "{\"id\":\"r\",\"forked_from_id\":\"p\"}"), call, counted),
                List.of(line("session_meta", "{\"id\":\"r\",\"source\":{\"subagent\":{}}}"), call, counted),
                List.of(meta, line("response_item", "{\"type\":\"function_call\",\"call_id\":\"c\"}"), counted),
                List.of(meta, "{\"timestamp\":\"2026-01-01T10:00:00Z\",\"type\":7,\"payload\":{}}", counted),
                List.of(meta, "{\"timestamp\":\"yesterday\",\"type\":\"response_item\",\"payload\":"
                        + "{\"type\":\"reasoning\"}}", counted),
                List.of(meta, call, line("event_msg", "{\"type\":\"token_count\",\"info\":{\"total_token_usage\":"
                        + "{},\"last_token_usage\":{\"input_tokens\":1.5,\"output_tokens\":1}}}")),
                List.of(meta, call, line("event_msg", "{\"type\":\"token_count\",\"info\":{\"total_token_usage\":"
                        + "{},\"last_token_usage\":{\"input_tokens\":-5,\"output_tokens\":1}}}")),
                List.of(meta, call, counted, "{\"type\":\"event_msg\",\"type\":\"event_msg\",\"payload\":{}}"),
                List.of(meta, line("response_item", "{\"type\":\"function_call\",\"call_id\":\"c\",\"name\":\"x\","
                        + "\"arguments\":\"{}\",\"extra\":{\"k\":1,\"k\":2}}"), counted),
                List.of(meta, call, counted + " {}"),
                // read as a tree, through the same check
                List.of(meta, call, line("event_msg", "{\"type\":\"token_count\",\"info\":{\"total_token_usage\":"
                        + "{\"input_tokens\":1,\"input_tokens\":2},\"last_token_usage\":{\"input_tokens\":1,"
                        + "\"output_tokens\":1}}}")),
                // a total alone, without its counts
                List.of(meta, call, total("{\"input_tokens\":10}")),
                List.of(meta, call, total("{\"input_tokens\":10,\"output_tokens\":\"5\"}")),
                List.of(meta, call, total("{\"input_tokens\":10,\"output_tokens\":-5}")),
                // more lines to readLine, which ends one at a lone carriage return
                List.of(meta, call, counted.replace(",\"payload\":", ",\r\"payload\":")));
        for (List<String> lines : odd) {
            Path log = write(lines.toArray(String[]::new));
            assertThat(catchThrowable(() -> reader().read(log))).as(String.join("\n", lines))
                    .isInstanceOf(Unsure.class);
        }
    }

    @Test
    void leaves_out_a_torn_last_line_as_the_importer_does() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/traces/codex/rollout.jsonl"));
        String last = lines.get(lines.size() - 1);
        Path log = Files.writeString(dir.resolve("rollout-live.jsonl"), String.join("\n",
                lines.subList(0, lines.size() - 1)) + "\n" + last.substring(0, last.length() / 2));

        assertThat(reader().read(log).summaries()).isEqualTo(new CodexFormat().summaries(log, COUNTER));
    }

    @Test
    void counts_the_bytes_it_parses() throws IOException {
        String[] lines = {line("session_meta", "{\"id\":\"r\"}"), "  ", line("response_item",
                "{\"type\":\"reasoning\"}"), count(10, 1)};
        Path log = write(lines);
        AtomicLong parsed = new AtomicLong();
        new CodexSummaryReader(COUNTER, parsed).read(log);
        assertThat(parsed.get()).isEqualTo(Stream.of(lines).filter(l -> !l.isBlank())
                .mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length).sum());
    }

    private static CodexSummaryReader reader() {
        return new CodexSummaryReader(COUNTER, new AtomicLong());
    }

    private Path write(String... lines) throws IOException {
        Path log = dir.resolve("rollout-" + lines.length + "-" + Math.abs(String.join("", lines).hashCode())
                + ".jsonl");
        Files.write(log, List.of(lines), StandardCharsets.UTF_8);
        return log;
    }

    private static String line(String type, String payload) {
        return "{\"timestamp\":\"2026-01-01T10:00:00Z\",\"type\":\"" + type + "\",\"payload\":" + payload + "}";
    }

    private static String count(long input, long output) {
        return line("event_msg", "{\"type\":\"token_count\",\"info\":{\"total_token_usage\":{\"input_tokens\":"
                + input + ",\"output_tokens\":" + output + "},\"last_token_usage\":{\"output_tokens\":" + output
                + ",\"input_tokens\":" + input + ",\"cached_input_tokens\":" + input / 2
                + ",\"reasoning_output_tokens\":null}}}");
    }

    /** A token_count of an older Codex: the cumulative total alone. */
    private static String total(String usage) {
        return line("event_msg", "{\"type\":\"token_count\",\"info\":{\"total_token_usage\":" + usage + "}}");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
