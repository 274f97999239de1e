package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.Recording.call;
import static dev.cachet.harness.cli.Recording.finish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.Json;
import dev.cachet.harness.resume.SessionFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every reader of cachet's logs (stats, replay, the replay model, resume) on a log a killed writer tore, a log with
 * bytes that are not UTF-8, and a log holding a string of 21 million characters, above Jackson's default limit.
 */
@Execution(ExecutionMode.CONCURRENT)
class LogReadersTest {
    @TempDir
    Path dir;

    private Path workspace;

    @BeforeEach
    void workspace() throws IOException {
        workspace = Files.createDirectories(dir.resolve("ws"));
    }

    /** A session of one turn, the first of a recording, stopped by --max-turns so that it can be resumed. */
    private Path log(String content) throws IOException {
        String arguments = Json.mapper().createObjectNode().put("path", "notes.txt").put("content", content).toString();
        Path recording = Recording.write(dir.resolve("recording.jsonl"), call("c1", "write_file", arguments), finish("c2"));
        CliRun run = CliRun.of("run", "-w", workspace.toString(), "--model", "replay:" + recording, "--max-turns", "1",
                "--strategy", "transcript", "write notes");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.LIMIT);
        return SessionFiles.of(CliRun.sessionLogs(Map.of()), workspace).all().get(0);
    }

    private CliRun stats(Path log) {
        return CliRun.of("stats", log.toString());
    }

    private CliRun replay(Path log) {
        return CliRun.of("replay", log.toString(), "--strategies", "transcript");
    }

    private CliRun replayModel(Path log) throws IOException {
        Path fresh = Files.createDirectories(dir.resolve("replayed"));
        return CliRun.of("run", "-w", fresh.toString(), "--model", "replay:" + log, "--max-turns", "1", "write notes");
    }

    private CliRun resume() {
        return CliRun.of("resume", "-w", workspace.toString(), "--max-turns", "5");
    }

    @Test
    void a_torn_last_line_is_dropped_by_every_reader() throws IOException {
        Path log = log("alpha\n");
        Files.writeString(log, "{\"time\":\"2026-12-05T10:00:00Z\",\"type\":\"stop\",\"tu", StandardOpenOption.APPEND);

        assertThat(stats(log).exitCode()).as(stats(log).err()).isZero();
        assertThat(replay(log).exitCode()).as(replay(log).err()).isZero();
        CliRun replayed = replayModel(log);
        assertThat(replayed.exitCode()).as(replayed.err()).isEqualTo(ExitCodes.LIMIT);
        assertThat(replayed.err()).contains(log + ":").contains("torn last line");
        CliRun resumed = resume();
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("torn last line");
    }

    @Test
    void bytes_that_are_not_utf8_are_named_by_every_reader_with_line_and_offset() throws IOException {
        Path log = log("alpha\n");
        byte[] bytes = Files.readAllBytes(log);
        int secondLine = new String(bytes, StandardCharsets.UTF_8).indexOf('\n') + 1;
        int at = secondLine + 5;
        bytes[at] = (byte) 0xff;
        Files.write(log, bytes);
        String named = log + ":2: not UTF-8 (byte offset " + at + ")";

        for (CliRun reader : List.of(stats(log), replay(log), replayModel(log), resume())) {
            assertThat(reader.exitCode()).as(reader.err()).isEqualTo(ExitCodes.INPUT);
            assertThat(reader.err()).contains(named);
        }
    }

    @Test
    void a_string_of_twenty_one_million_characters_reads_back_in_every_reader() throws IOException {
        // Words, which the tokenizer counts three times faster than digits.
        String big = "lorem ipsum dolor sit amet ".repeat(777_778);
        Path log = log(big);

        assertThat(stats(log).exitCode()).as(stats(log).err()).isZero();
        assertThat(replay(log).exitCode()).as(replay(log).err()).isZero();
        assertThat(replayModel(log).exitCode()).isEqualTo(ExitCodes.LIMIT);
        assertThat(Files.readString(dir.resolve("replayed").resolve("notes.txt"))).hasSize(big.length());
        CliRun resumed = resume();
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("stopped: done");
    }
}
