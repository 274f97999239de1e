package dev.cachet.providers.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * The append-only JSONL record of a session: one event per line, each written, flushed and fsync'd before the
 * session goes on, so a crash loses at most the event being written.
 */
public final class SessionLog implements SessionListener, AutoCloseable {
    private final Path path;
    private final Clock clock;
    private final FileChannel channel;

    public SessionLog(Path path, Clock clock) {
        this.path = path;
        this.clock = clock;
        try {
            Files.createDirectories(path.getParent());
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open session log " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void on(SessionEvent event) {
        ObjectNode line = Json.mapper().createObjectNode().put("time", clock.instant().toString());
        line.setAll((ObjectNode) Json.mapper().valueToTree(event));
        try {
            channel.write(ByteBuffer.wrap((Json.mapper().writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.getClass().getSimpleName(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write session log " + path, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close session log " + path, e);
        }
    }
}
