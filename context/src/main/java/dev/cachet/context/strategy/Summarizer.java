package dev.cachet.context.strategy;

import dev.cachet.context.message.Message;
import java.util.List;

/** Writes the summary that replaces old turns. */
@FunctionalInterface
public interface Summarizer {
    /**
     * @param previous the summary these messages continue from, or {@code ""}
     * @param messages the turns to fold into the summary, oldest first
     */
    String summarize(String previous, List<Message> messages);
}
