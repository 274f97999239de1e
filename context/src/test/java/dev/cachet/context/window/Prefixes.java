package dev.cachet.context.window;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cachet.context.Json;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolSpec;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Test-side computation of a prompt prefix, independent of {@link WindowBuilder}: its bytes (the JSON of each tool
 * and then of each message, one after the other) and its hash as {@link WindowBuilder} documents it (SHA-256 chained
 * over the SHA-256 of each item's JSON, the first 8 bytes in hex). Caches each item's JSON, as windows repeat items.
 */
public final class Prefixes {
    private final Map<Object, byte[]> json = new HashMap<>();
    private final Map<Object, byte[]> digests = new HashMap<>();

    public byte[] bytes(List<ToolSpec> tools, List<Message> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tools.forEach(tool -> out.writeBytes(json(tool)));
        messages.forEach(message -> out.writeBytes(json(message)));
        return out.toByteArray();
    }

    public String hash(List<ToolSpec> tools, List<Message> messages) {
        MessageDigest chain = sha256();
        tools.forEach(tool -> chain.update(digest(tool)));
        messages.forEach(message -> chain.update(digest(message)));
        return HexFormat.of().formatHex(chain.digest(), 0, 8);
    }

    private byte[] digest(Object item) {
        return digests.computeIfAbsent(item, value -> sha256().digest(json(value)));
    }

    private byte[] json(Object item) {
        return json.computeIfAbsent(item, value -> {
            try {
                return Json.mapper().writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
