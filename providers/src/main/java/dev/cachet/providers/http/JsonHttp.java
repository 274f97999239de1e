package dev.cachet.providers.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.providers.ProviderException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** POSTs JSON to a provider through a {@link RetryingTransport} and returns the JSON object it answers. */
public final class JsonHttp {
    private final RetryingTransport transport;
    private final ObjectMapper mapper = new ObjectMapper();

    public JsonHttp(RetryingTransport transport) {
        this.transport = transport;
    }

    public JsonNode post(URI uri, Map<String, String> headers, JsonNode body) {
        Map<String, String> withType = new HashMap<>(headers);
        withType.put("content-type", "application/json");
        RetryingTransport.Response response = transport.send("POST", uri, withType, body.toString());
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
}
