package dev.cachet.context.strategy.hybrid;

import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import java.util.List;
import java.util.Map;

/**
 * What the compactions so far changed in what the window shows of the history.
 *
 * @param masks placeholders shown instead of the observations at these history positions
 * @param foldedUpTo the history before this position is folded away
 * @param snapshot the task state as it was at the last fold, shown instead of the folded turns
 * @param index the parts of the folded index, the schemas found in folded turns and the outputs of folded turns
 *     still in use, in the order the folds added them
 * @param frontier where the history ended at the last compaction: the window keeps a breakpoint there
 */
record Compactions(Map<Integer, ToolResult> masks, int foldedUpTo, String snapshot, List<UserText> index, int frontier) {
    static final Compactions NONE = new Compactions(Map.of(), 0, "", List.of(), 0);

    Compactions {
        masks = Map.copyOf(masks);
        index = List.copyOf(index);
    }

    Compactions masking(Map<Integer, ToolResult> masked, int end) {
        return new Compactions(masked, foldedUpTo, snapshot, index, end);
    }

    Compactions folding(int foldTo, String state, List<UserText> grownIndex, int end) {
        return new Compactions(masks, foldTo, state, grownIndex, end);
    }
}
