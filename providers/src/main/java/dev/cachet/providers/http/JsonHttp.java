package dev.cachet.providers.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.providers.ProviderException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * POSTs JSON to a provider and returns the JSON answer, retrying as {@link RetryPolicy} says. Every failure is a
 * {@link ProviderException} naming the provider, the HTTP status, the provider's error message and its request id;
 * header values (API keys among them) never appear in a message.
 */
public final class JsonHttp {
    private final String provider;
    private final HttpClient client;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final ObjectMapper mapper = new ObjectMapper();

    public JsonHttp(String provider, Duration timeout, RetryPolicy retry, Sleeper sleeper) {
        this.provider = provider;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.retry = retry;
        this.sleeper = sleeper;
    }

    public JsonNode post(URI uri, Map<String, String> headers, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        for (int attempt = 1; ; attempt++) {
            String failure;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() < 300) {
                    return parse(response);
                }
                failure = describe(response);
                if (!RetryPolicy.retryable(response.statusCode())) {
                    throw new ProviderException(failure);
                }
                retryAfter = RetryPolicy.parseRetryAfter(response.headers().firstValue("retry-after"));
            } catch (IOException e) {
                failure = provider + ": " + (e instanceof java.net.http.HttpTimeoutException ? "no answer within " + timeout.toMillis() + " ms"
                        : "connection failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(provider + ": interrupted");
            }
            if (attempt >= retry.maxAttempts()) {
                throw new ProviderException(failure + " (gave up after " + attempt + " attempts)");
            }
            wait(retry.delay(attempt, retryAfter));
        }
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            JsonNode json = mapper.readTree(response.body());
            if (json == null || !json.isObject()) {
                throw new ProviderException(provider + ": the answer is not a JSON object" + requestId(response));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new ProviderException(provider + ": the answer is not valid JSON (" + e.getOriginalMessage() + ")" + requestId(response));
        }
    }

    private String describe(HttpResponse<String> response) {
        String message = "";
        try {
            JsonNode error = mapper.readTree(response.body()).path("error");
            String type = error.path("type").asText("");
            message = (type.isEmpty() ? "" : type + ": ") + error.path("message").asText("");
        } catch (JsonProcessingException e) {
            // Not every gateway answers errors in JSON; the status says enough.
        }
        return provider + ": HTTP " + response.statusCode() + (message.isBlank() ? "" : " " + message) + requestId(response);
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("request-id").or(() -> response.headers().firstValue("x-request-id"))
                .map(id -> " (request " + id + ")").orElse("");
    }

    private void wait(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(provider + ": interrupted while waiting to retry");
        }
    }
}
