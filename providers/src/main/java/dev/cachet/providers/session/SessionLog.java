package dev.cachet.providers.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The append-only JSONL record of a session: one event per line, each written and fsync'd before the session goes
 * on, so a crash loses at most the event being written. An event is written whole or not at all: when a write
 * fails (a full disk), the file is cut back to its last complete line and the session stops. Opening a log that a
 * killed writer left with a torn last line cuts that line off, so that what is appended starts on a line of its own.
 */
public final class SessionLog implements SessionListener, AutoCloseable {
    private final Path path;
    private final Clock clock;
    private final LogFile file;
    private long complete;

    public SessionLog(Path path, Clock clock) {
        this(path, clock, open(path));
    }

    SessionLog(Path path, Clock clock, LogFile file) {
        this.path = path;
        this.clock = clock;
        this.file = file;
        try {
            complete = file.endOfLastLine();
            if (complete < file.length()) {
                file.truncate(complete);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open session log " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    /**
     * @throws SessionLogException when the event cannot be written (a full disk, a file gone read-only): the log
     *     then ends with the event before it, and the session must stop
     */
    @Override
    public void on(SessionEvent event) {
        byte[] line = line(event);
        try {
            file.append(line);
            file.force();
            complete += line.length;
        } catch (IOException e) {
            throw new SessionLogException("cannot write session log " + path + ": " + e.getMessage() + cutBack()
                    + "; the session stops here");
        }
    }

    private String cutBack() {
        try {
            file.truncate(complete);
            return "";
        } catch (IOException e) {
            return " (and cannot cut off the partial event: " + e.getMessage() + ")";
        }
    }

    private byte[] line(SessionEvent event) {
        ObjectNode line = Json.mapper().createObjectNode().put("time", clock.instant().toString());
        line.setAll((ObjectNode) Json.mapper().valueToTree(event));
        try {
            return (Json.mapper().writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }

    private static LogFile open(Path path) {
        try {
            Files.createDirectories(path.getParent());
            return new DiskLogFile(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open session log " + path, e);
        }
    }

    /** Closes the log, and removes it if nothing could be written to it: an empty log is no session to resume. */
    @Override
    public void close() {
        try {
            file.close();
            if (complete == 0) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close session log " + path, e);
        }
    }
}
