package dev.cachet.context.window;

import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.Message;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Starts window builders that share one token counter and one digest cache for a session. */
public final class WindowFactory {
    private final TokenCounter counter;
    private final ContentHashes hashes;

    public WindowFactory(TokenCounter counter) {
        this(counter, new ContentHashes());
    }

    /**
     * A factory that shares its digests with others: a message's digest does not depend on how it is counted, so
     * windows of one session rendered by several strategies, or with several counters, hash each message once.
     */
    public WindowFactory(TokenCounter counter, ContentHashes hashes) {
        this.counter = counter;
        this.hashes = hashes;
    }

    public TokenCounter counter() {
        return counter;
    }

    public WindowBuilder builder() {
        return new WindowBuilder(counter, hashes);
    }

    /**
     * A builder that starts the way every strategy's window starts: the session's tools and system prompt, with a
     * breakpoint after them. Keeping this in one place keeps the most-cached prefix identical across strategies.
     */
    public WindowBuilder startFor(Session session) {
        return builder().tools(session.tools()).segment(SegmentKind.SYSTEM, List.of(session.system())).breakpoint();
    }

    /**
     * The same window with no tools array, as a request that must not call tools sends it (a plan turn): its
     * messages and breakpoints stay, and its tokens and prefix hashes are those of what it now sends.
     */
    public Window withoutTools(Window window) {
        WindowBuilder builder = builder();
        Set<Integer> marks = new HashSet<>();
        window.breakpoints().forEach(b -> marks.add(b.messages()));
        int position = 0;
        for (Segment segment : window.segments()) {
            for (Message message : segment.messages()) {
                builder.segment(segment.kind(), List.of(message));
                if (marks.contains(++position)) {
                    builder.breakpoint();
                }
            }
        }
        Window bare = builder.build();
        return window.compaction().map(bare::withCompaction).orElse(bare);
    }
}
