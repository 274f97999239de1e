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
     * {@code fixture} copied into {@code dir} as {@code name}, its last line cut in half but ended: a line written
     * broken, which no reader may take for one still being written.
     */
    static Path brokenLastLine(String fixture, Path dir, String name) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", cutLastLine(fixture)) + "\n");
    }

    /** As {@link #brokenLastLine}, with no line end after the cut: the line a harness is still writing. */
    static Path beingWritten(String fixture, Path dir, String name) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", cutLastLine(fixture)));
    }

    /** The lines of {@code fixture} but its last one, and the first half of that. */
    private static List<String> cutLastLine(String fixture) throws IOException {
        List<String> lines = Files.readAllLines(path(fixture), StandardCharsets.UTF_8);
        String last = lines.get(lines.size() - 1);
        lines.set(lines.size() - 1, last.substring(0, last.length() / 2));
        return lines;
    }
}
