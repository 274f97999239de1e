package dev.cachet.providers.cache;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.window.SharedPrefix;
import dev.cachet.context.window.Window;
import java.util.ArrayList;
import java.util.List;

/** A window as a provider's cache sees it: the tools, then the messages, each a block with its tokens. */
record PromptBlocks(List<Object> blocks, long[] prefixTokens) {
    static PromptBlocks of(Window window, TokenCounter counter) {
        List<Object> blocks = new ArrayList<>(window.tools());
        blocks.addAll(window.messages());
        long[] sums = new long[blocks.size() + 1];
        for (int i = 0; i < blocks.size(); i++) {
            Object block = blocks.get(i);
            sums[i + 1] = sums[i] + (block instanceof ToolSpec spec ? counter.count(spec) : counter.count((Message) block));
        }
        return new PromptBlocks(List.copyOf(blocks), sums);
    }

    /** How many leading blocks two prompts share. */
    int sharedBlocks(List<Object> other) {
        return SharedPrefix.length(blocks, other);
    }
}
