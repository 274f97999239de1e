package dev.cachet.context.strategy.hybrid;

import dev.cachet.context.Session;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.CacheRates;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.History;
import dev.cachet.context.strategy.Params;
import dev.cachet.context.strategy.Placeholders;
import dev.cachet.context.strategy.StrategyParam;
import dev.cachet.context.window.Compaction;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowBuilder;
import dev.cachet.context.window.WindowFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cache-aware compaction. Between compactions the window only grows at its end, so every request reads the whole
 * previous one from the cache. Each turn it prices two compactions and does one only when it pays:
 * <ol>
 *   <li><b>mask</b> old observations that a later call superseded, or that are bulky (the last {@code keep} are
 *       never masked), leaving a placeholder that keeps the paths they mentioned;
 *   <li><b>fold</b> everything before the last {@code keep_turns} turns into a snapshot of the task state, and an
 *       index of the names the folded outputs showed. The index only grows: each fold appends a part, after a
 *       breakpoint-ended run of the earlier parts, so a fold rewrites the new part and the state, not the index.
 * </ol>
 * <b>The rule</b> (rent or buy): {@link CompactionPricer} prices each from the windows. Besides its end, every
 * request carries breakpoints after the system prompt, after the index (or the state snapshot while there is no
 * index), and at the frontier where the last compaction ended, so a compaction rewrites from one of those.
 * A compaction is done when both the rent already paid since the last compaction (this turn included) and the
 * rent still expected (R turns, estimated as the turns so far × {@code horizon}%) cover its price. The first condition stops
 * compactions from following each other before the last one has paid off; the second stops them near the end.
 * Masking is preferred; folding is forced when the window passes {@code max_window}. Short sessions never pay,
 * so they cost exactly what the cached transcript costs.
 */
public final class HybridStrategy implements ContextStrategy {
    public static final String NAME = "hybrid";
    /** Heads the schemas that tool_search returned in folded turns, kept so the agent can still call those tools. */
    public static final String LOADED_TOOLS = "## Tools found with tool_search in folded turns";
    // The tools module's name for its search tool; context cannot depend on tools.
    private static final String TOOL_SEARCH = "tool_search";

    private final WindowFactory windows;
    private final CompactionPricer pricer;
    private final int keep;
    private final int keepTurns;
    private final int bulkyTokens;
    private final int horizonPercent;
    private final int maxWindow;
    private final Supersession supersession = new Supersession();
    private final int indexNames;
    private final FoldedIndex foldedIndex;

    private final Map<Integer, ToolResult> masks = new HashMap<>();
    private final Map<Integer, ToolResult> placeholders = new HashMap<>();
    private double maskRent;
    private double foldRent;
    private int foldedUpTo;
    private String snapshot = "";
    private List<UserText> index = List.of();
    private int frontier;
    private Window previous;

    public HybridStrategy(WindowFactory windows, CacheRates rates, Params params) {
        this.windows = windows;
        this.pricer = new CompactionPricer(rates);
        this.keep = params.get("keep");
        this.keepTurns = params.get("keep_turns");
        this.bulkyTokens = params.get("bulky_tokens");
        this.horizonPercent = params.get("horizon");
        this.maxWindow = params.get("max_window");
        this.indexNames = params.get("index_names");
        this.foldedIndex = new FoldedIndex(indexNames);
    }

    public static List<StrategyParam> params() {
        return List.of(
                new StrategyParam("keep", 20, 1, "most recent observations never masked"),
                new StrategyParam("keep_turns", 7, 1, "most recent turns kept when folding into the task state"),
                new StrategyParam("bulky_tokens", 800, 1, "older observations this large may be masked even if not superseded"),
                new StrategyParam("horizon", 100, 0, "expected remaining turns, as a percentage of the turns so far"),
                new StrategyParam("max_window", 150_000, 1, "fold whenever the window would pass this many tokens"),
                new StrategyParam("index_names", 60, 0, "code names kept per masked or folded output (0: paths only)"));
    }

    @Override
    public Window render(Session session) {
        History history = new History(session.history());
        Window now = layout(session, masks, foldedUpTo, snapshot, index, frontier);
        Optional<Window> compacted = previous == null ? Optional.empty() : compact(session, history, now);
        previous = compacted.orElse(now);
        return previous;
    }

    private Optional<Window> compact(Session session, History history, Window now) {
        Optional<Candidate> mask = maskCandidate(session, history, now);
        Optional<Candidate> fold = foldCandidate(session, history, now);
        maskRent += mask.map(c -> c.price().rentPerTurn()).orElse(0.0);
        foldRent += fold.map(c -> c.price().rentPerTurn()).orElse(0.0);
        double remainingTurns = Math.max(1.0, history.turns() * horizonPercent / 100.0);
        Optional<Candidate> chosen;
        if (now.tokens() > maxWindow && fold.isPresent()) {
            chosen = fold;
        } else if (mask.isPresent() && mask.get().price().pays(maskRent, remainingTurns)) {
            chosen = mask;
        } else {
            chosen = fold.filter(f -> f.price().pays(foldRent, remainingTurns));
        }
        chosen.ifPresent(c -> {
            c.commit().run();
            maskRent = 0;
            foldRent = 0;
        });
        return chosen.map(c -> c.window().withCompaction(new Compaction(c.kind(), c.price().removed(), c.price().kept(),
                c.window().tokens() - c.price().kept(), c.price().predictedNetSaving(remainingTurns))));
    }

    private Optional<Candidate> maskCandidate(Session session, History history, Window now) {
        Set<ToolCall> superseded = supersession.superseded(session.history());
        List<Integer> observations = history.observations();
        Map<Integer, ToolResult> next = new HashMap<>(masks);
        for (int i = 0; i < observations.size() - keep; i++) {
            int at = observations.get(i);
            ToolResult result = (ToolResult) session.history().get(at);
            int tokens = windows.counter().count(result);
            boolean stale = superseded.contains(history.callAt(at));
            if (at >= foldedUpTo && !masks.containsKey(at) && (stale || tokens >= bulkyTokens)) {
                ToolResult placeholder = placeholders.computeIfAbsent(at, p -> Placeholders.mask(history.callAt(p), result,
                        tokens, stale ? "superseded by a later call" : "an older bulky output", indexNames));
                if (windows.counter().count(placeholder) < tokens) {
                    next.put(at, placeholder);
                }
            }
        }
        if (next.size() == masks.size()) {
            return Optional.empty();
        }
        int end = session.history().size();
        return candidate("mask", now, layout(session, next, foldedUpTo, snapshot, index, end), () -> {
            masks.clear();
            masks.putAll(next);
            frontier = end;
        });
    }

    private Optional<Candidate> foldCandidate(Session session, History history, Window now) {
        int foldTo = history.startOfLastTurns(keepTurns);
        if (foldTo <= Math.max(foldedUpTo, history.firstTurnStart())) {
            return Optional.empty();
        }
        String state = session.state().render();
        String part = foldedIndex.between(foldedUpTo, foldTo, session.history(), history);
        List<UserText> grown = new ArrayList<>(index);
        if (!part.isEmpty()) {
            grown.add(new UserText(part));
        }
        loadedTools(session.history(), history, foldTo).ifPresent(grown::add);
        int end = session.history().size();
        return candidate("fold", now, layout(session, masks, foldTo, state, grown, end), () -> {
            foldedUpTo = foldTo;
            snapshot = state;
            index = List.copyOf(grown);
            frontier = end;
        });
    }

    /** The tool schemas that searches in the turns being folded found: the agent may still call those tools. */
    private Optional<UserText> loadedTools(List<Message> messages, History history, int foldTo) {
        List<String> found = new ArrayList<>();
        for (int at : history.observations()) {
            if (at >= foldedUpTo && at < foldTo && history.callAt(at).name().equals(TOOL_SEARCH)
                    && !((ToolResult) messages.get(at)).error()) {
                found.add(((ToolResult) messages.get(at)).content());
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(new UserText(LOADED_TOOLS + "\n\n" + String.join("\n\n", found)));
    }

    private Optional<Candidate> candidate(String kind, Window now, Window compacted, Runnable commit) {
        return pricer.price(previous, now, compacted).map(price -> new Candidate(kind, compacted, price, commit));
    }

    /** A compaction on offer: the window it would send, its price, and what doing it changes here. */
    private record Candidate(String kind, Window window, CompactionPrice price, Runnable commit) {}

    private Window layout(Session session, Map<Integer, ToolResult> maskedResults, int folded, String state,
            List<UserText> foldedIndex, int frozenUpTo) {
        List<Message> history = session.history();
        int start = folded == 0 ? 0 : folded;
        List<Message> shown = new ArrayList<>(history.size() - start);
        for (int i = start; i < history.size(); i++) {
            ToolResult mask = maskedResults.get(i);
            shown.add(mask != null ? mask : history.get(i));
        }
        int split = Math.max(0, Math.min(frozenUpTo - start, shown.size()));
        WindowBuilder builder = windows.startFor(session);
        if (folded > 0) {
            // The index grows only at its end and changes less often than the state, so it goes first and keeps the
            // breakpoint; without an index, the state keeps it. Four breakpoints at most either way.
            builder.segment(SegmentKind.STATE, foldedIndex).breakpoint()
                    .segment(SegmentKind.STATE, List.of(new UserText(state)));
            if (foldedIndex.isEmpty()) {
                builder.breakpoint();
            }
        }
        return builder
                .segment(SegmentKind.HISTORY, shown.subList(0, split)).breakpoint()
                .segment(SegmentKind.HISTORY, shown.subList(split, shown.size())).breakpoint()
                .build();
    }
}
