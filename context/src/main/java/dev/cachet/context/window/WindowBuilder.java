package dev.cachet.context.window;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Assembles a {@link Window} segment by segment, counting tokens and placing breakpoints. The prefix hash chains
 * the cached digests of the tools and then of each message, so the hash at a breakpoint depends on exactly the
 * content before it; the factory's {@link ContentHashes} resumes the chain from the windows built before.
 */
public final class WindowBuilder {
    private final TokenCounter counter;
    private final ContentHashes hashes;
    private final List<ToolSpec> tools = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();
    private final List<Integer> breakpointPositions = new ArrayList<>();
    private int[] messageTokens = new int[16];
    private int messageCount;

    WindowBuilder(TokenCounter counter, ContentHashes hashes) {
        this.counter = counter;
        this.hashes = hashes;
    }

    public WindowBuilder tools(List<ToolSpec> specs) {
        tools.addAll(specs);
        return this;
    }

    public WindowBuilder segment(SegmentKind kind, List<? extends Message> messages) {
        if (!messages.isEmpty()) {
            if (messageCount + messages.size() > messageTokens.length) {
                messageTokens = Arrays.copyOf(messageTokens, Math.max(2 * messageTokens.length, messageCount + messages.size()));
            }
            int tokens = 0;
            for (Message message : messages) {
                int counted = counter.count(message);
                messageTokens[messageCount++] = counted;
                tokens += counted;
            }
            segments.add(new Segment(kind, List.copyOf(messages), tokens));
        }
        return this;
    }

    /** Marks the end of what was added so far as a cache breakpoint; a second mark at the same place is ignored. */
    public WindowBuilder breakpoint() {
        boolean repeated = !breakpointPositions.isEmpty() && breakpointPositions.get(breakpointPositions.size() - 1) == messageCount;
        if (messageCount > 0 && !repeated) {
            breakpointPositions.add(messageCount);
        }
        return this;
    }

    public Window build() {
        int toolTokens = 0;
        Object[] items = new Object[tools.size() + messageCount];
        int item = 0;
        for (ToolSpec tool : tools) {
            toolTokens += counter.count(tool);
            items[item++] = tool;
        }
        for (Segment segment : segments) {
            for (Message message : segment.messages()) {
                items[item++] = message;
            }
        }
        int[] ends = new int[breakpointPositions.size() + 1];
        for (int i = 0; i < breakpointPositions.size(); i++) {
            ends[i] = tools.size() + breakpointPositions.get(i);
        }
        ends[ends.length - 1] = items.length;
        String[] prefixHashes = hashes.prefixHashes(items, ends);
        List<Breakpoint> breakpoints = new ArrayList<>(breakpointPositions.size());
        int position = 0;
        int tokens = toolTokens;
        for (int i = 0; i < breakpointPositions.size(); i++) {
            for (int end = breakpointPositions.get(i); position < end; position++) {
                tokens += messageTokens[position];
            }
            breakpoints.add(new Breakpoint(position, tokens, prefixHashes[i]));
        }
        return new Window(tools, toolTokens, segments, breakpoints, prefixHashes[ends.length - 1], Optional.empty());
    }
}
