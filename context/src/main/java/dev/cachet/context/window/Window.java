package dev.cachet.context.window;

import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one model request contains: the tool specs and the messages, grouped into segments, with token counts,
 * the cache breakpoints (at most {@link #MAX_BREAKPOINTS}, Anthropic's limit) with a prefix hash at each, and
 * the compaction the strategy did this turn, if any.
 */
public record Window(
        List<ToolSpec> tools,
        int toolTokens,
        List<Segment> segments,
        List<Breakpoint> breakpoints,
        String prefixHash,
        Optional<Compaction> compaction) {

    public static final int MAX_BREAKPOINTS = 4;

    public Window {
        tools = List.copyOf(tools);
        segments = List.copyOf(segments);
        breakpoints = List.copyOf(breakpoints);
        if (breakpoints.size() > MAX_BREAKPOINTS) {
            throw new IllegalArgumentException(breakpoints.size() + " cache breakpoints; providers allow " + MAX_BREAKPOINTS);
        }
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

    public Window withCompaction(Compaction done) {
        return new Window(tools, toolTokens, segments, breakpoints, prefixHash, Optional.of(done));
    }
}
