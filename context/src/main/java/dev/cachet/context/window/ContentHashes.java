package dev.cachet.context.window;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cachet.context.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 digests of messages and tool specs, over their JSON bytes, cached per value: windows are re-hashed every
 * turn from mostly the same messages, and each is serialized once; and the prefix hashes chained over them.
 */
public final class ContentHashes {
    private final Map<Object, byte[]> cache = new ConcurrentHashMap<>();
    private final PrefixChains chains = new PrefixChains(this::digest);

    public byte[] digest(Object messageOrSpec) {
        return cache.computeIfAbsent(messageOrSpec, value -> sha256().digest(json(value)));
    }

    /**
     * The prefix hashes of a prompt of tool specs and then messages, at each of {@code ends} (ascending item counts),
     * computed from the prompts hashed before where they begin with the same items.
     */
    String[] prefixHashes(Object[] items, int[] ends) {
        return chains.hashes(items, ends);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
