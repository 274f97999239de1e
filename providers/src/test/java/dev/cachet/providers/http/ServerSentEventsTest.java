package dev.cachet.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {
    // The bound a live stream has is 32 MiB; a test's, a megabyte, is reached as surely and sooner.
    private static final int BOUND = 1 << 20;

    /** A server that sends {@code start} and then the letter a without end: a line, or an event, that never ends. */
    private static Reader endless(String start) {
        return new Reader() {
            private final StringReader first = new StringReader(start);

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int read = first.read(buffer, offset, length);
                if (read > 0) {
                    return read;
                }
                Arrays.fill(buffer, offset, offset + length, 'a');
                return length;
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void reads_events_by_their_fields_with_lines_ended_by_lf_cr_or_crlf() throws Exception {
        ServerSentEvents events = new ServerSentEvents(new BufferedReader(new StringReader(
                ": ping\nevent: one\ndata: a\r\ndata: b\r\n\rdata: c\n\n")));

        assertThat(events.next()).contains(new ServerSentEvent("one", "a\nb"));
        assertThat(events.next()).contains(new ServerSentEvent("message", "c"));
        assertThat(events.next()).isEmpty();
    }

    @Test
    void an_event_ended_by_bare_crs_is_read_without_waiting_for_a_byte_after_it() throws Exception {
        Reader then = new Reader() {
            private final StringReader sent = new StringReader("data: one\r\r");

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int read = sent.read(buffer, offset, length);
                if (read > 0) {
                    return read;
                }
                throw new IOException("read past what the server sent: a live stream would wait here");
            }

            @Override
            public void close() {}
        };

        assertThat(new ServerSentEvents(new BufferedReader(then)).next()).contains(new ServerSentEvent("message", "one"));
    }

    @Test
    void a_line_that_never_ends_fails_the_stream_at_a_bound_rather_than_fill_the_heap() {
        ServerSentEvents events = new ServerSentEvents(new BufferedReader(endless("data: ")), BOUND);

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10), events::next))
                .isInstanceOf(EventSink.StreamFailure.class).hasMessageContaining("runs past " + BOUND + " characters");
    }

    @Test
    void an_event_of_endless_short_lines_fails_the_stream_at_the_same_bound() {
        Reader lines = new Reader() {
            private long sent;

            @Override
            public int read(char[] buffer, int offset, int length) {
                for (int i = 0; i < length; i++) {
                    buffer[offset + i] = "data: x\n".charAt((int) (sent++ % 8));
                }
                return length;
            }

            @Override
            public void close() {}
        };
        ServerSentEvents events = new ServerSentEvents(new BufferedReader(lines), BOUND);

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10), events::next))
                .isInstanceOf(EventSink.StreamFailure.class);
    }
}
