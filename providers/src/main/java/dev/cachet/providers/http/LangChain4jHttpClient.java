package dev.cachet.providers.http;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * LangChain4j's HTTP client seam, served by {@link RetryingTransport}, so LangChain4j models get cachet's retries
 * (which honour {@code retry-after}, which LangChain4j's own do not) and its error messages. Give the model
 * {@code maxRetries(0)} so requests are not retried twice.
 */
public final class LangChain4jHttpClient implements HttpClient {
    private final RetryingTransport transport;

    public LangChain4jHttpClient(RetryingTransport transport) {
        this.transport = transport;
    }

    public static HttpClientBuilder builder(RetryingTransport transport) {
        return new Builder(transport);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        RetryingTransport.Response response =
                transport.send(request.method().name(), URI.create(request.url()), headers(request), request.body());
        return SuccessfulHttpResponse.builder()
                .statusCode(response.status()).headers(response.headers()).body(response.body()).build();
    }

    /**
     * Streams on the calling thread, through cachet's transport: a failure before the first event is retried as any
     * request is; a stream cut short after some events fails, since LangChain4j has taken those events in already.
     * The stream ends at OpenAI's {@code [DONE]}, which LangChain4j leaves to its client to notice.
     */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        try {
            transport.stream(URI.create(request.url()), headers(request), request.body(), new EventSink() {
                @Override
                public void begin(String after) {}

                @Override
                public boolean accept(ServerSentEvent event) {
                    if (event.data().equals("[DONE]")) {
                        return true;
                    }
                    listener.onEvent(new dev.langchain4j.http.client.sse.ServerSentEvent(event.name(), event.data()));
                    return false;
                }

                @Override
                public boolean restartable() {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            listener.onError(e);
            return;
        }
        listener.onClose();
    }

    private static Map<String, String> headers(HttpRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return headers;
    }

    private static final class Builder implements HttpClientBuilder {
        private final RetryingTransport transport;
        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(RetryingTransport transport) {
            this.transport = transport;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new LangChain4jHttpClient(transport);
        }
    }
}
