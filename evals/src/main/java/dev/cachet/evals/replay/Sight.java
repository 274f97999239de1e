package dev.cachet.evals.replay;

import dev.cachet.context.message.Message;
import dev.cachet.context.strategy.Placeholders;
import dev.cachet.context.strategy.hybrid.FoldedIndex;
import java.util.List;

/**
 * Where a window shows a name an action needs: in content the agent can act on (a kept output, an argument, the
 * task state), only in a pointer to content it no longer holds (a masked output's placeholder, the folded index),
 * or nowhere. A name in a pointer tells the agent where to look, not what is there.
 */
enum Sight {
    CONTENT, POINTER, MISSING;

    /** Where {@code messages}, a window's, show the name. */
    static Sight of(List<Message> messages, String name, MessageSearch search) {
        boolean pointed = false;
        for (Message message : messages) {
            if (search.contains(message, name)) {
                if (!isPointer(message)) {
                    return CONTENT;
                }
                pointed = true;
            }
        }
        return pointed ? POINTER : MISSING;
    }

    private static boolean isPointer(Message message) {
        return Placeholders.isPlaceholder(message) || FoldedIndex.isIndex(message);
    }
}
