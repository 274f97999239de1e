package dev.cachet.harness.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small trajectories of each kind under src/test/resources/traces, and the demo's recorded cachet session. */
final class TraceFixtures {
    static final String CLAUDE_CODE = "claude-code/session.jsonl";
    static final String CODEX = "codex/rollout.jsonl";
    static final String SWE_AGENT = "swe-agent-text.traj";
    static final String MINI_SWE_AGENT = "mini-swe-agent-1.1.traj.json";
    /** A cachet session log of 7 turns, relative to the module directory the tests run in. */
    static final Path DEMO = Path.of("../examples/demo/session.jsonl");

    private TraceFixtures() {}

    static Path dir() {
        URL url = TraceFixtures.class.getResource("/traces");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path path(String relative) {
        return dir().resolve(relative);
    }

    /**
     * {@code fixture} copied into {@code dir} as {@code name}, its line at {@code index} (from 0) cut in half but ended:
     * a line an unclean shutdown cut.
     */
    static Path cutLine(String fixture, Path dir, String name, int index) throws IOException {
        return Files.write(Files.createDirectories(dir).resolve(name), cut(fixture, index));
    }

    /** {@code fixture} copied into {@code dir} as {@code name} without its line at {@code index} (from 0). */
    static Path withoutLine(String fixture, Path dir, String name, int index) throws IOException {
        List<String> lines = Files.readAllLines(path(fixture), StandardCharsets.UTF_8);
        lines.remove(index);
        return Files.write(Files.createDirectories(dir).resolve(name), lines);
    }

    /** {@code fixture} copied into {@code dir} as {@code name}, its last line cut in half: one a harness is writing. */
    static Path beingWritten(String fixture, Path dir, String name) throws IOException {
        int last = Files.readAllLines(path(fixture), StandardCharsets.UTF_8).size() - 1;
        return Files.writeString(dir.resolve(name), String.join("\n", cut(fixture, last)));
    }

    /** The lines of {@code fixture}, the one at {@code index} cut to its first half. */
    private static List<String> cut(String fixture, int index) throws IOException {
        List<String> lines = Files.readAllLines(path(fixture), StandardCharsets.UTF_8);
        lines.set(index, lines.get(index).substring(0, lines.get(index).length() / 2));
        return lines;
    }
}
