package dev.cachet.providers.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.providers.ProviderException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        for (int attempt = 1; ; attempt++) {
            String failure;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                Response response = new Response(answer.statusCode(), answer.headers().map(), answer.body());
                if (answer.statusCode() < 300 && !cutShort(response)) {
                    return response;
                }
                if (answer.statusCode() < 300) {
                    // A body that ends mid-JSON is a connection that dropped while the answer was on its way.
                    failure = provider + ": the answer was cut short after " + response.body().length() + " characters"
                            + response.requestId();
                } else {
                    failure = describe(response);
                    if (!RetryPolicy.retryable(answer.statusCode())) {
                        throw new ProviderException(failure);
                    }
                    retryAfter = RetryPolicy.parseRetryAfter(answer.headers().firstValue("retry-after"));
                }
            } catch (IOException e) {
                failure = provider + ": " + (e instanceof HttpTimeoutException ? "no answer within " + timeout.toMillis() + " ms"
                        : "connection failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(provider + ": interrupted");
            }
            if (attempt >= retry.maxAttempts()) {
                throw new ProviderException(failure + " (gave up after " + attempt + " attempts)");
            }
            pause(retry.delay(attempt, retryAfter));
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
