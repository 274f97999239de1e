package dev.cachet.context.window;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cachet.context.Json;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Assembles a {@link Window} segment by segment, counting tokens and hashing content as it goes. */
public final class WindowBuilder {
    private final TokenCounter counter;
    private final List<ToolSpec> tools = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();

    public WindowBuilder(TokenCounter counter) {
        this.counter = counter;
    }

    public WindowBuilder tools(List<ToolSpec> specs) {
        tools.addAll(specs);
        return this;
    }

    public WindowBuilder segment(SegmentKind kind, List<? extends Message> messages) {
        if (!messages.isEmpty()) {
            int tokens = messages.stream().mapToInt(counter::count).sum();
            segments.add(new Segment(kind, List.copyOf(messages), tokens));
        }
        return this;
    }

    public Window build() {
        int toolTokens = tools.stream().mapToInt(counter::count).sum();
        return new Window(tools, toolTokens, segments, hash());
    }

    private String hash() {
        MessageDigest digest = sha256();
        for (ToolSpec tool : tools) {
            digest.update(json(tool));
        }
        for (Segment segment : segments) {
            segment.messages().forEach(m -> digest.update(json(m)));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
