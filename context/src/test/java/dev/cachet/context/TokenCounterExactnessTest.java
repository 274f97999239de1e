package dev.cachet.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The counter's counts are jtokkit's {@code countTokensOrdinary}, exactly, for every text. */
class TokenCounterExactnessTest {
    private static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final List<String> CORPUS_FILES = List.of("claude-code-spotter", "claude-code-codemie", "codex-cli",
            "swe-agent/demo_function_calling_replace_from_source__marshmallow-1867.traj",
            "mini-swe-agent/pr854__astropy__astropy-12907.traj.json");

    /** The counter cachet counts with: its piece cache over o200k's compact ranks, checked against jtokkit's own. */
    private static final TokenCounter COUNTER = TokenCounter.o200k();

    @Test
    void counts_generated_texts_as_jtokkit_does() {
        List<String> texts = new ArrayList<>(GeneratedTexts.mixed(19, 10_000));
        texts.addAll(GeneratedTexts.asciiChars(20, 10_000, 40));
        texts.addAll(GeneratedTexts.whitespaceAndDigits(21, 10_000));

        assertCountsMatch(texts);
    }

    @Test
    void counts_long_texts_and_long_pieces_as_jtokkit_does() {
        String words = String.join(" ", GeneratedTexts.mixed(22, 400));
        assertCountsMatch(List.of(words, "x".repeat(5_000), " ".repeat(3_000) + "x", "\n".repeat(2_000),
                "1".repeat(1_000), ".".repeat(4_000) + "\n/\n/", "a'S".repeat(700), words.repeat(3)));
    }

    @Test
    void counts_lines_as_jtokkit_does_where_some_lines_are_beyond_its_fast_path() {
        // Lines of ASCII and symbols between lines of other Unicode: each line the fast path cannot split is counted
        // by jtokkit, the rest by hand, in one text.
        List<String> lines = GeneratedTexts.mixed(25, 6_000);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i + 30 <= lines.size(); i += 30) {
            texts.add(String.join(i % 60 == 0 ? "\n" : "\n  ", lines.subList(i, i + 30)));
        }

        assertCountsMatch(texts);
    }

    @Test
    void counts_lower_case_words_of_every_length_as_jtokkit_does_whatever_follows_them() {
        List<String> texts = new ArrayList<>();
        for (String before : List.of("", " ", "x", "\n", "'")) {
            for (int length = 1; length <= 10; length++) {
                for (String after : List.of("", " ", "'s", "'re", "'", "Q", "q", "é", "→", "1", "\n", "_", "ſ")) {
                    texts.add(before + "abcdefghij".substring(0, length) + after);
                }
            }
        }

        assertCountsMatch(texts);
    }

    @Test
    void counts_every_text_field_of_the_corpus_as_jtokkit_does() throws IOException {
        Path corpus = corpus();
        List<String> texts = new ArrayList<>();
        for (String name : CORPUS_FILES) {
            for (Path file : files(corpus.resolve(name))) {
                texts.addAll(textFields(file));
            }
        }
        assertThat(texts).hasSizeGreaterThan(1_000);

        assertCountsMatch(texts);
    }

    @Test
    void counts_chars_within_a_bigger_array_as_jtokkit_counts_them_as_a_string() {
        List<String> texts = GeneratedTexts.mixed(24, 2_000);
        char[] all = String.join("", texts).toCharArray();
        int start = 0;
        for (String text : texts) {
            int end = start + text.length();
            int expected = O200K.countTokensOrdinary(text);
            if (COUNTER.count(all, start, end) != expected) {
                assertThat(COUNTER.count(all, start, end)).as("tokens of %s", GeneratedTexts.shown(text))
                        .isEqualTo(expected);
            }
            start = end;
        }
    }

    @Test
    void a_counter_shared_by_threads_with_a_tiny_piece_cache_counts_as_jtokkit_does() {
        OrdinaryTokenCount shared = new OrdinaryTokenCount(TokenCounter.o200kEncoding(), 16);
        List<String> texts = GeneratedTexts.mixed(23, 10_000);

        List<Integer> counts = texts.parallelStream().map(shared::count).toList();

        assertThat(counts).isEqualTo(texts.stream().map(O200K::countTokensOrdinary).toList());
    }

    private void assertCountsMatch(List<String> texts) {
        for (String text : texts) {
            int expected = O200K.countTokensOrdinary(text);
            int counted = COUNTER.count(text);
            if (counted != expected) {
                assertThat(counted).as("tokens of %s", GeneratedTexts.shown(text)).isEqualTo(expected);
            }
        }
    }

    private static Path corpus() {
        String configured = System.getenv("CACHET_CORPUS");
        // Tests run in the module directory, one level below the project root, which sits beside shared/.
        Path root = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/corpus");
        assumeTrue(Files.isDirectory(root), "corpus not present: " + root);
        return root;
    }

    private static List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Files.isRegularFile(path) ? List.of(path) : List.of();
        }
        try (Stream<Path> listed = Files.list(path)) {
            return listed.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Every string value in a JSON file or in each line of a JSONL file. */
    private static List<String> textFields(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> documents = file.toString().endsWith(".jsonl")
                ? Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList()
                : List.of(Files.readString(file));
        List<String> texts = new ArrayList<>();
        for (String document : documents) {
            collectStrings(mapper.readTree(document), texts);
        }
        return texts;
    }

    private static void collectStrings(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.textValue());
        }
        node.forEach(child -> collectStrings(child, texts));
    }
}
