package dev.cachet.providers.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.context.Counted;
import dev.cachet.providers.ProviderException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends provider requests over the JDK HTTP client, retrying as {@link RetryPolicy} says. Every failure is a
 * {@link ProviderException} naming the provider, the HTTP status, the provider's error message and its request id;
 * header values (API keys among them) never appear in a message.
 */
public final class RetryingTransport {
    private final String provider;
    private final HttpClient client;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final ObjectMapper mapper = new ObjectMapper();

    public RetryingTransport(String provider, Duration timeout, RetryPolicy retry, Sleeper sleeper) {
        this.provider = provider;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.retry = retry;
        this.sleeper = sleeper;
    }

    /** How long cachet waits for a provider's answer before it retries or gives up. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    /** The transport live sessions use: the standard timeout and retries, real waits. */
    public static RetryingTransport standard(String provider) {
        return new RetryingTransport(provider, REQUEST_TIMEOUT, RetryPolicy.DEFAULT, Sleeper.REAL);
    }

    /** A successful answer. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public String requestId() {
            List<String> ids = headers.getOrDefault("request-id", headers.getOrDefault("x-request-id", List.of()));
            return ids.isEmpty() ? "" : " (request " + ids.get(0) + ")";
        }
    }

    public String provider() {
        return provider;
    }

    /** @return the first 2xx answer; a non-retryable status or the last failed attempt throws */
    public Response send(String method, URI uri, Map<String, String> headers, String body) {
        return withRetries(request(method, uri, headers, body), request -> {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Response response = new Response(answer.statusCode(), answer.headers().map(), answer.body());
            if (answer.statusCode() >= 300) {
                throw failed(response);
            }
            if (cutShort(response)) {
                // A body that ends mid-JSON is a connection that dropped while the answer was on its way.
                throw new Failed(provider + ": the answer was cut short after " + response.body().length() + " characters"
                        + response.requestId(), true, Optional.empty());
            }
            return response;
        });
    }

    /**
     * POSTs a request whose answer is a stream of server-sent events and passes them to {@code sink} as they arrive,
     * until it says the answer is complete. A stream that ends or breaks before that is cut short, and is tried
     * again as a failed request is, from the start, if the sink can take it back.
     */
    public void stream(URI uri, Map<String, String> headers, String body, EventSink sink) {
        String[] lastFailure = {""};
        withRetries(request("POST", uri, headers, body), request -> {
            sink.begin(lastFailure[0]);
            try {
                return read(client.send(request, HttpResponse.BodyHandlers.ofInputStream()), sink);
            } catch (Failed e) {
                lastFailure[0] = e.getMessage();
                throw e;
            }
        });
    }

    private Void read(HttpResponse<InputStream> answer, EventSink sink) throws Failed, InterruptedException, IOException {
        try (InputStream in = answer.body()) {
            Response head = new Response(answer.statusCode(), answer.headers().map(), "");
            if (answer.statusCode() >= 300) {
                throw failed(new Response(answer.statusCode(), answer.headers().map(),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            String type = answer.headers().firstValue("content-type").orElse("none");
            if (!type.contains("text/event-stream")) {
                throw new Failed(provider + ": asked for a stream of events, got an answer of type " + type
                        + head.requestId(), false, Optional.empty());
            }
            ServerSentEvents events = new ServerSentEvents(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            int count = 0;
            String broke = "";
            try {
                for (Optional<ServerSentEvent> event = events.next(); event.isPresent(); event = events.next()) {
                    count++;
                    if (sink.accept(event.get())) {
                        return null;
                    }
                }
            } catch (EventSink.StreamFailure e) {
                throw new Failed(provider + ": " + e.getMessage() + head.requestId(), e.retryable() && sink.restartable(),
                        Optional.empty());
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                broke = ": " + ConnectionFailure.describe(answer.request().uri(), e, timeout);
            }
            throw new Failed(provider + ": the stream was cut short after " + Counted.of(count, "event")
                    + broke + head.requestId(), count == 0 || sink.restartable(), Optional.empty());
        }
    }

    private HttpRequest request(String method, URI uri, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return request.build();
    }

    /** One try at a request; a {@link Failed} says whether to try again. */
    @FunctionalInterface
    private interface Attempt<T> {
        T run(HttpRequest request) throws Failed, IOException, InterruptedException;
    }

    /** Why one attempt failed, whether another may succeed, and how long the server asked to wait first. */
    private static final class Failed extends Exception {
        final boolean retryable;
        final Optional<Duration> retryAfter;

        Failed(String message, boolean retryable, Optional<Duration> retryAfter) {
            super(message, null, false, false);
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }
    }

    private Failed failed(Response response) {
        return new Failed(describe(response), RetryPolicy.retryable(response.status()),
                RetryPolicy.parseRetryAfter(response.headers().entrySet().stream()
                        .filter(h -> h.getKey().equalsIgnoreCase("retry-after")).flatMap(h -> h.getValue().stream()).findFirst()));
    }

    private <T> T withRetries(HttpRequest request, Attempt<T> attempt) {
        for (int tries = 1; ; tries++) {
            String failure;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                return attempt.run(request);
            } catch (Failed e) {
                if (!e.retryable) {
                    throw new ProviderException(e.getMessage());
                }
                failure = e.getMessage();
                retryAfter = e.retryAfter;
            } catch (HttpTimeoutException e) {
                failure = provider + ": " + (e instanceof HttpConnectTimeoutException
                        ? ConnectionFailure.describe(request.uri(), e, timeout) : "no answer within " + timeout.toMillis() + " ms");
            } catch (IOException e) {
                failure = provider + ": " + ConnectionFailure.describe(request.uri(), e, timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(provider + ": interrupted");
            }
            if (tries >= retry.maxAttempts()) {
                throw new ProviderException(failure + " (gave up after " + tries + " attempts)");
            }
            pause(retry.delay(tries, retryAfter));
        }
    }

    /** A JSON answer whose text ends before its value does. */
    private boolean cutShort(Response response) {
        boolean json = response.headers().entrySet().stream()
                .anyMatch(h -> h.getKey().equalsIgnoreCase("content-type") && String.join(",", h.getValue()).contains("json"));
        if (!json) {
            return false;
        }
        try {
            return mapper.readTree(response.body()).isMissingNode();
        } catch (JsonProcessingException e) {
            // Where the text ends early, the parser fails at its end; anything else is not JSON, which the caller says.
            return e instanceof JsonEOFException || e.getLocation() != null
                    && e.getLocation().getCharOffset() >= response.body().stripTrailing().length();
        }
    }

    private String describe(Response response) {
        String message = "";
        try {
            JsonNode error = mapper.readTree(response.body()).path("error");
            String type = error.path("type").asText("");
            message = (type.isEmpty() ? "" : type + ": ") + error.path("message").asText("");
        } catch (JsonProcessingException e) {
            // Not every gateway answers errors in JSON; the status says enough.
        }
        return provider + ": HTTP " + response.status() + (message.isBlank() ? "" : " " + message) + response.requestId();
    }

    private void pause(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(provider + ": interrupted while waiting to retry");
        }
    }
}
