package dev.cachet.context.window;

import dev.cachet.context.message.Message;
import java.util.List;

/** A run of consecutive window messages of one kind, with their token count. */
public record Segment(SegmentKind kind, List<Message> messages, int tokens) {
    public Segment {
        messages = List.copyOf(messages);
    }
}
