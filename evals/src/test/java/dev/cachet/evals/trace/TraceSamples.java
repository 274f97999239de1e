package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;

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

    /**
     * The inline sidechains fixture as Claude Code 2.1 writes a parent's log: each sub-agent message relayed in an
     * {@code agent_progress} line of the main session ({@code data.message}, under {@code data.agentId}: {@code aE}
     * for the Explore agent, {@code aP} for the Plan one), in {@code <dir>/relay.jsonl}.
     */
    static Path sidechainsAsAgentProgress(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(FIXTURES.resolve("claude-code/sidechains.jsonl"))) {
            ObjectNode json = (ObjectNode) Json.mapper().readTree(line);
            if (!json.path("isSidechain").asBoolean()) {
                lines.add(line);
                continue;
            }
            ObjectNode message = Json.mapper().createObjectNode();
            message.put("type", json.path("type").asText());
            message.set("timestamp", json.path("timestamp"));
            message.set("message", json.path("message"));
            if (json.has("requestId")) {
                message.set("requestId", json.get("requestId"));
            }
            message.set("uuid", json.path("uuid"));
            String uuid = json.path("uuid").asText();
            ObjectNode progress = Json.mapper().createObjectNode();
            progress.put("parentUuid", "a3").put("isSidechain", false).put("sessionId", "s-side").put("type", "progress");
            progress.putObject("data").put("type", "agent_progress")
                    .put("agentId", uuid.startsWith("p") ? "aP" : "aE").set("message", message);
            progress.put("uuid", "progress-" + uuid).set("timestamp", json.path("timestamp"));
            lines.add(progress.toString());
        }
        return Files.write(dir.resolve("relay.jsonl"), lines);
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
