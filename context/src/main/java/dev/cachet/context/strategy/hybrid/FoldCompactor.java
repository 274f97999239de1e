package dev.cachet.context.strategy.hybrid;

import dev.cachet.context.Session;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proposes folding everything before the last {@code keepTurns} turns into a snapshot of the task state and an
 * index of the names the folded outputs showed. The index only grows: each fold appends a part (and the tool
 * schemas found in the folded turns), so a fold rewrites the new part and the state, not the earlier parts.
 */
final class FoldCompactor {
    private final int keepTurns;
    private final FoldedIndex foldedIndex;

    FoldCompactor(int keepTurns, int indexNames) {
        this.keepTurns = keepTurns;
        this.foldedIndex = new FoldedIndex(indexNames);
    }

    /** The compactions with more turns folded; empty when no turn before the last {@code keepTurns} is left to fold. */
    Optional<Compactions> next(Session session, History history, Compactions current) {
        int foldTo = history.startOfLastTurns(keepTurns);
        if (foldTo <= Math.max(current.foldedUpTo(), history.firstTurnStart())) {
            return Optional.empty();
        }
        String state = session.state().render();
        String part = foldedIndex.between(current.foldedUpTo(), foldTo, history);
        List<UserText> grown = new ArrayList<>(current.index());
        if (!part.isEmpty()) {
            grown.add(new UserText(part));
        }
        LoadedTools.between(history, current.foldedUpTo(), foldTo).ifPresent(grown::add);
        return Optional.of(current.folding(foldTo, state, grown, history.messages().size()));
    }
}
