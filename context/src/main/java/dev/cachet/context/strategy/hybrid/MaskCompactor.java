package dev.cachet.context.strategy.hybrid;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.strategy.History;
import dev.cachet.context.strategy.Placeholders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proposes masking the observations that a later call superseded, or that are bulky and no longer in use, leaving a
 * placeholder that keeps the paths (and up to {@code indexNames} code names) they mentioned. The last {@code keep}
 * observations and folded ones are never masked, nor an output its placeholder would not shrink.
 */
final class MaskCompactor {
    private final TokenCounter counter;
    private final int keep;
    private final int bulkyTokens;
    private final int indexNames;
    private final WorkingSet workingSet;
    private final Supersession supersession = new Supersession();
    // Made once per observation and reused, so the same session renders the same bytes.
    private final Map<Integer, ToolResult> placeholders = new HashMap<>();

    MaskCompactor(TokenCounter counter, int keep, int bulkyTokens, int indexNames, WorkingSet workingSet) {
        this.counter = counter;
        this.keep = keep;
        this.bulkyTokens = bulkyTokens;
        this.indexNames = indexNames;
        this.workingSet = workingSet;
    }

    /** The compactions with more observations masked; empty when there is nothing more to mask. */
    Optional<Compactions> next(History history, Compactions current) {
        Set<ToolCall> superseded = supersession.superseded(history.messages());
        List<Integer> observations = history.observations();
        Map<Integer, ToolResult> masks = new HashMap<>(current.masks());
        for (int i = 0; i < observations.size() - keep; i++) {
            int at = observations.get(i);
            ToolResult result = (ToolResult) history.messages().get(at);
            int tokens = counter.count(result);
            boolean stale = superseded.contains(history.callAt(at));
            boolean idleBulk = tokens >= bulkyTokens && !workingSet.inUse(at);
            if (at >= current.foldedUpTo() && !current.masks().containsKey(at) && (stale || idleBulk)) {
                ToolResult placeholder = placeholders.computeIfAbsent(at, p -> Placeholders.mask(history.callAt(p), result,
                        tokens, stale ? "superseded by a later call" : "an older bulky output", indexNames));
                if (counter.count(placeholder) < tokens) {
                    masks.put(at, placeholder);
                }
            }
        }
        return masks.size() == current.masks().size()
                ? Optional.empty()
                : Optional.of(current.masking(masks, history.messages().size()));
    }
}
