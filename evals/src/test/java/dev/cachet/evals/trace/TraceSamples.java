package dev.cachet.evals.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every sample file of a format, found by folder: this module's fixtures under {@code traces/<label>/}, the shared
 * corpus where it is present (read in place, never copied), and for cachet the demo's recorded session.
 */
final class TraceSamples {
    static final Path FIXTURES = Path.of("src/test/resources/traces");
    /** A cachet session log of 7 turns, hand-written for the replay demo. */
    static final Path DEMO = Path.of("../examples/demo/session.jsonl");
    /** The corpus names its folders after the project a log came from; these are the formats they hold. */
    private static final Map<String, String> CORPUS_FORMATS = Map.of(
            "swe-agent", "swe-agent", "mini-swe-agent", "mini-swe-agent", "claude-code-spotter", "claude-code",
            "claude-code-codemie", "claude-code", "codex-cli", "codex", "openhands", "openhands");

    private TraceSamples() {}

    /**
     * The inline sidechains fixture with a progress line in the Explore sub-agent's chain, which the next message of
     * that chain names as its parent, as Claude Code writes them.
     */
    static Path sidechainsThroughProgress(Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(FIXTURES.resolve("claude-code/sidechains.jsonl")));
        int answered = lines.indexOf(lines.stream().filter(line -> line.contains("\"uuid\":\"e2\"")).findFirst()
                .orElseThrow());
        lines.set(answered, lines.get(answered).replace("\"parentUuid\":\"e1\"", "\"parentUuid\":\"g1\""));
        lines.add(answered, "{\"type\":\"progress\",\"isSidechain\":true,\"sessionId\":\"s-side\",\"uuid\":\"g1\","
                + "\"parentUuid\":\"e1\",\"data\":{\"type\":\"bash_progress\"}}");
        Path file = dir.resolve("progress.jsonl");
        Files.write(file, lines);
        return file;
    }

    static List<Path> files(String label) {
        List<Path> files = new ArrayList<>(filesIn(FIXTURES.resolve(label)));
        CORPUS_FORMATS.forEach((folder, format) -> {
            if (format.equals(label)) {
                files.addAll(filesIn(Corpus.root().resolve(folder)));
            }
        });
        if (label.equals("cachet")) {
            files.add(DEMO);
        }
        return files;
    }

    private static List<Path> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
