package dev.cachet.context.window;

import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one model request contains: the tool specs and the messages, grouped into segments, with token counts
 * and a hash of the whole content. Two windows with the same prefix hash send the same bytes.
 */
public record Window(List<ToolSpec> tools, int toolTokens, List<Segment> segments, String prefixHash) {
    public Window {
        tools = List.copyOf(tools);
        segments = List.copyOf(segments);
    }

    public List<Message> messages() {
        return segments.stream().flatMap(s -> s.messages().stream()).toList();
    }

    public int tokens() {
        return toolTokens + segments.stream().mapToInt(Segment::tokens).sum();
    }

    /** Tokens per segment kind, in window order; the tools array counts as {@link SegmentKind#TOOLS}. */
    public Map<SegmentKind, Integer> tokensBySegment() {
        Map<SegmentKind, Integer> bySegment = new EnumMap<>(SegmentKind.class);
        segments.forEach(s -> bySegment.merge(s.kind(), s.tokens(), Integer::sum));
        if (!tools.isEmpty()) {
            bySegment.put(SegmentKind.TOOLS, toolTokens);
        }
        return bySegment;
    }
}
