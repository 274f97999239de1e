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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceSummariesTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();

    @TempDir
    Path dir;

    @Test
    void the_streaming_reader_gives_the_importers_summaries_on_every_fixture_and_corpus_file() throws IOException {
        TraceSummaries summaries = new TraceSummaries(COUNTER);
        List<Path> files = new ArrayList<>(files(Path.of("src/test/resources/traces")));
        if (Files.isDirectory(Corpus.root())) {
            files.addAll(files(Corpus.root()));
        }
        int streamed = 0;
        for (Path file : files) {
            if (!TraceFormats.detect(file).map(f -> f.label().equals(ClaudeCodeFormat.LABEL)).orElse(false)) {
                continue;
            }
            Throwable failure = catchThrowable(() -> summaries.whole(file));
            ClaudeCodeSummaryReader reader = new ClaudeCodeSummaryReader(COUNTER, new AtomicLong());
            if (failure != null) {
                assertThat(catchThrowable(() -> reader.read(file, Optional.empty())))
                        .as("%s fails to import, so the stream reader must give it up", file)
                        .isInstanceOf(RuntimeException.class);
                continue;
            }
            assertThat(reader.read(file, Optional.empty()).summaries()).as(file.toString())
                    .isEqualTo(summaries.whole(file).summaries());
            streamed++;
        }
        assertThat(streamed).as("Claude Code files read by the stream reader").isGreaterThanOrEqualTo(2);
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
        assertThat(grown.summaries()).isEqualTo(new TraceSummaries(COUNTER).whole(log).summaries());
        assertThat(grown.resume().get().offset()).isEqualTo(Files.size(log));
    }

    @Test
    void a_largest_result_skips_texts_too_short_to_beat_it_and_counts_the_same() {
        LargestResult largest = new LargestResult(COUNTER);
        List<String> texts = List.of("short", "a much longer text with many words in it ".repeat(50), "tiny",
                "héllo wörld ".repeat(20), "\uD83D\uDE00".repeat(30));
        texts.forEach(largest::add);
        assertThat(largest.tokens()).isEqualTo(texts.stream().mapToInt(COUNTER::count).max().orElseThrow());
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
