package dev.cachet.context.strategy.hybrid;

import dev.cachet.context.Session;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Proposes folding everything before the last {@code keepTurns} turns into a snapshot of the task state and an index
 * of the names the folded outputs showed. The outputs of folded turns still in use are kept whole in the index (the
 * agent is acting on them: a pointer would only make it read them again). The index otherwise only grows: each fold
 * appends a part, the tool schemas found in the folded turns and the outputs it keeps, so a fold rewrites the new
 * part and the state. Dropping kept outputs that fell out of use rewrites the index from the first one dropped, so
 * a fold does that only when asked to ({@code release}): the caller prices both.
 */
final class FoldCompactor {
    private final int keepTurns;
    private final FoldedIndex foldedIndex;
    private final WorkingSet workingSet;
    private final KeptOutputs keptOutputs = new KeptOutputs();

    FoldCompactor(int keepTurns, int indexNames, WorkingSet workingSet) {
        this.keepTurns = keepTurns;
        this.foldedIndex = new FoldedIndex(indexNames);
        this.workingSet = workingSet;
    }

    /**
     * The compactions with more turns folded, and with {@code release} without the kept outputs no longer in use;
     * empty when no turn before the last {@code keepTurns} is left to fold.
     */
    Optional<Compactions> next(Session session, History history, Compactions current, boolean release) {
        int foldTo = history.startOfLastTurns(keepTurns);
        if (foldTo <= Math.max(current.foldedUpTo(), history.firstTurnStart())) {
            return Optional.empty();
        }
        String state = session.state().render();
        List<UserText> grown = new ArrayList<>();
        for (UserText part : current.index()) {
            OptionalInt kept = keptOutputs.position(part);
            if (kept.isEmpty() || !release || workingSet.inUse(kept.getAsInt())) {
                grown.add(part);
            }
        }
        String part = foldedIndex.between(current.foldedUpTo(), foldTo, history);
        if (!part.isEmpty()) {
            grown.add(new UserText(part));
        }
        LoadedTools.between(history, current.foldedUpTo(), foldTo).ifPresent(grown::add);
        for (int at : history.observations()) {
            if (at >= current.foldedUpTo() && at < foldTo && !current.masks().containsKey(at) && workingSet.inUse(at)) {
                grown.add(keptOutputs.of(history, at));
            }
        }
        return Optional.of(current.folding(foldTo, state, grown, history.messages().size()));
    }
}
