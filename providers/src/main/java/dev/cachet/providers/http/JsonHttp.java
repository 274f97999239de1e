package dev.cachet.providers.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.providers.ProviderException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** POSTs JSON to a provider through a {@link RetryingTransport} and returns the JSON object it answers. */
public final class JsonHttp {
    private final RetryingTransport transport;
    private final ObjectMapper mapper = new ObjectMapper();

    public JsonHttp(RetryingTransport transport) {
        this.transport = transport;
    }

    public JsonNode post(URI uri, Map<String, String> headers, JsonNode body) {
        RetryingTransport.Response response = transport.send("POST", uri, withType(headers, Optional.empty()), body.toString());
        try {
            JsonNode json = mapper.readTree(response.body());
            if (json == null || !json.isObject()) {
                throw new ProviderException(transport.provider() + ": the answer is not a JSON object" + response.requestId());
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new ProviderException(transport.provider() + ": the answer is not valid JSON (" + e.getOriginalMessage() + ")"
                    + response.requestId());
        }
    }

    /** POSTs JSON whose answer is a stream of server-sent events, passed to {@code sink} as they arrive. */
    public void stream(URI uri, Map<String, String> headers, JsonNode body, EventSink sink) {
        transport.stream(uri, withType(headers, Optional.of("text/event-stream")), body.toString(), sink);
    }

    /** The provider's name, as its failures begin. */
    public String provider() {
        return transport.provider();
    }

    private static Map<String, String> withType(Map<String, String> headers, Optional<String> accept) {
        Map<String, String> withType = new HashMap<>(headers);
        withType.put("content-type", "application/json");
        accept.ifPresent(type -> withType.put("accept", type));
        return withType;
    }
}
