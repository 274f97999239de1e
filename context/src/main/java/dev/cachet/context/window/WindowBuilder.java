package dev.cachet.context.window;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolSpec;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Assembles a {@link Window} segment by segment, counting tokens and placing breakpoints. The prefix hash chains
 * the cached digests of the tools and then of each message, so the hash at a breakpoint depends on exactly the
 * content before it.
 */
public final class WindowBuilder {
    private final TokenCounter counter;
    private final ContentHashes hashes;
    private final List<ToolSpec> tools = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();
    private final List<Integer> breakpointPositions = new ArrayList<>();
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
            int tokens = 0;
            for (Message message : messages) {
                tokens += counter.count(message);
            }
            segments.add(new Segment(kind, List.copyOf(messages), tokens));
            messageCount += messages.size();
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
        MessageDigest chain = ContentHashes.sha256();
        for (ToolSpec tool : tools) {
            toolTokens += counter.count(tool);
            chain.update(hashes.digest(tool));
        }
        List<Breakpoint> breakpoints = new ArrayList<>();
        int position = 0;
        int tokens = toolTokens;
        for (Segment segment : segments) {
            for (Message message : segment.messages()) {
                chain.update(hashes.digest(message));
                tokens += counter.count(message);
                position++;
                if (breakpointPositions.contains(position)) {
                    breakpoints.add(new Breakpoint(position, tokens, hex(copy(chain).digest())));
                }
            }
        }
        return new Window(tools, toolTokens, segments, breakpoints, hex(chain.digest()), Optional.empty());
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable on every JVM", e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
