package dev.cachet.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.window.Window;
import dev.cachet.providers.KeepAlive;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.TextStream;
import dev.cachet.providers.http.JsonHttp;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Claude through the Anthropic Messages API. A thin adapter rather than LangChain4j's: LangChain4j can mark only
 * the last system block, the last tool and user text for caching, while an agent's turns end in tool results, and
 * the window's breakpoints must be placed exactly (see {@link AnthropicRequest}).
 */
public final class AnthropicClient implements ModelClient {
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    static final String API_VERSION = "2023-06-01";

    private final String model;
    private final URI messages;
    private final String apiKey;
    private final int maxTokens;
    private final RequestLifetime lifetime;
    private final JsonHttp http;

    /** @param lifetime how long each request's marked prefixes stay cached: 5 minutes, or 1 hour at a higher write price */
    public AnthropicClient(String model, String baseUrl, String apiKey, int maxTokens, RequestLifetime lifetime,
            JsonHttp http) {
        this.model = model;
        this.lifetime = lifetime;
        String base = baseUrl.replaceAll("/+$", "");
        // Both https://host and https://host/v1 (LangChain4j's convention) name the same API.
        this.messages = URI.create(base + (base.endsWith("/v1") ? "/messages" : "/v1/messages"));
        this.apiKey = apiKey;
        this.maxTokens = maxTokens;
        this.http = http;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public ModelResponse complete(Window window) {
        return complete(window, TextStream.NONE);
    }

    /** Streams the answer when someone watches its text; the response is the same either way. */
    @Override
    public ModelResponse complete(Window window, TextStream text) {
        ModelResponse response = send(AnthropicRequest.of(model, maxTokens, lifetime.of(window), window), text);
        // A ping re-reads what a call cached: the lifetime rule learns the provider's misses from the requests that
        // answer (the agent's calls, and a summarizing strategy's), as the checking simulator does.
        response.usage().ifPresent(lifetime::billed);
        return response;
    }

    /**
     * The window again with {@code max_tokens: 1}: the same system, tools, messages and breakpoints, so the request
     * reads the cached prefix (which refreshes its TTL) for the price of a read and one output token.
     */
    @Override
    public Optional<KeepAlive> keepAlive() {
        return Optional.of(window -> send(AnthropicRequest.of(model, 1, lifetime.of(window), window), TextStream.NONE));
    }

    private ModelResponse send(ObjectNode request, TextStream text) {
        long start = System.nanoTime();
        Map<String, String> headers = Map.of("x-api-key", apiKey, "anthropic-version", API_VERSION);
        JsonNode response;
        if (text == TextStream.NONE) {
            response = http.post(messages, headers, request);
        } else {
            AnthropicStream stream = new AnthropicStream(text);
            http.stream(messages, headers, request.put("stream", true), stream);
            response = stream.message();
        }
        long latencyMillis = (System.nanoTime() - start) / 1_000_000;
        return new ModelResponse(AnthropicResponse.turn(response), AnthropicResponse.usage(response), latencyMillis,
                AnthropicResponse.finishReason(response));
    }
}
