package dev.cachet.providers.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads server-sent events from a stream as the HTML standard defines them: fields up to a blank line make an event,
 * lines starting with a colon are comments (keep-alives), an event without data is none.
 */
final class ServerSentEvents {
    /**
     * The most characters one event's lines may hold. No provider's event comes near it (a delta is a few tokens, and
     * the JSON readers refuse strings of 20 million characters anyway); a stream that never ends its line or its event
     * stops here rather than when the heap runs out.
     */
    static final int MAX_EVENT_CHARS = 32 * 1024 * 1024;

    private final BufferedReader lines;
    private final int maxEventChars;
    /**
     * Whether the last line ended with a CR, so that an LF next is its CRLF's: looking for it at once would wait for
     * a byte the server may not send while it keeps the stream open after a whole event.
     */
    private boolean afterCr;

    ServerSentEvents(BufferedReader lines) {
        this(lines, MAX_EVENT_CHARS);
    }

    ServerSentEvents(BufferedReader lines, int maxEventChars) {
        this.lines = lines;
        this.maxEventChars = maxEventChars;
    }

    /** The next event; empty at the end of the stream, where a last event without its blank line is dropped. */
    Optional<ServerSentEvent> next() throws IOException {
        String name = "message";
        StringBuilder data = null;
        String line;
        int size = 0;
        while ((line = readLine(maxEventChars - size)) != null) {
            size += line.length() + 1;
            if (line.isEmpty()) {
                if (data != null) {
                    return Optional.of(new ServerSentEvent(name, data.toString()));
                }
                name = "message";
                size = 0;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            value = value.startsWith(" ") ? value.substring(1) : value;
            if (field.equals("event")) {
                name = value;
            } else if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return Optional.empty();
    }

    /** A line as {@link BufferedReader#readLine} reads it (ended by LF, CR or CRLF), of at most {@code limit} characters. */
    private String readLine(int limit) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = lines.read(); c != -1; c = lines.read()) {
            boolean crlf = afterCr && c == '\n';
            afterCr = c == '\r';
            if (crlf) {
                continue;
            }
            if (c == '\n' || c == '\r') {
                return line.toString();
            }
            if (line.length() >= limit) {
                throw new EventSink.StreamFailure("an event of the stream runs past " + maxEventChars
                        + " characters", false);
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }
}
