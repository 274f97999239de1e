package dev.cachet.providers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;

/** Server-sent event streams as the providers document them, kept under src/test/resources/sse. */
public final class SseFixtures {
    private SseFixtures() {}

    public static String load(String name) {
        try (InputStream in = SseFixtures.class.getResourceAsStream("/sse/" + name)) {
            if (in == null) {
                throw new AssertionError("no fixture sse/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(name, e);
        }
    }

    /** A 200 answer whose body is the stream. */
    public static MockResponse events(String body) {
        return new MockResponse.Builder().code(200).addHeader("content-type", "text/event-stream; charset=utf-8")
                .addHeader("request-id", "req_stream").body(body).build();
    }
}
