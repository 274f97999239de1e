package dev.cachet.providers.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads server-sent events from a stream as the HTML standard defines them: fields up to a blank line make an event,
 * lines starting with a colon are comments (keep-alives), an event without data is none.
 */
final class ServerSentEvents {
    private final BufferedReader lines;

    ServerSentEvents(BufferedReader lines) {
        this.lines = lines;
    }

    /** The next event; empty at the end of the stream, where a last event without its blank line is dropped. */
    Optional<ServerSentEvent> next() throws IOException {
        String name = "message";
        StringBuilder data = null;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return Optional.of(new ServerSentEvent(name, data.toString()));
                }
                name = "message";
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
}
