package dev.cachet.context.strategy;

import dev.cachet.context.Session;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.Breakpoint;
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
 *   <li><b>fold</b> everything before the last {@code keep_turns} turns into a snapshot of the task state.
 * </ol>
 * <b>The rule.</b> With cache reads at r and writes at w (multiples of the input price), D the tokens a compaction
 * removes, and R the turns still expected (turns so far × {@code horizon}%), a compaction pays when
 * {@code R·D·r} (reads saved on later turns) exceeds what it adds to this turn: the prefix after the last
 * breakpoint it keeps is written at w instead of mostly read at r. Only breakpoints present in every request
 * (after the system prompt, after the state snapshot, and the frontier where the last compaction ended) count as
 * kept, because only those stay warm in the provider's cache. Masking comes first; folding is tried when masking
 * does not pay, and is forced when the window passes {@code max_window}. Short sessions never pay, so they cost
 * exactly what the cached transcript costs.
 */
public final class HybridStrategy implements ContextStrategy {
    public static final String NAME = "hybrid";

    private final WindowFactory windows;
    private final CacheRates rates;
    private final int keep;
    private final int keepTurns;
    private final int bulkyTokens;
    private final int horizonPercent;
    private final int maxWindow;
    private final Supersession supersession = new Supersession();

    private final Map<String, ToolResult> masks = new HashMap<>();
    private int foldedUpTo;
    private String snapshot = "";
    private int frontier;
    private Window previous;

    public HybridStrategy(WindowFactory windows, CacheRates rates, Params params) {
        this.windows = windows;
        this.rates = rates;
        this.keep = params.get("keep");
        this.keepTurns = params.get("keep_turns");
        this.bulkyTokens = params.get("bulky_tokens");
        this.horizonPercent = params.get("horizon");
        this.maxWindow = params.get("max_window");
    }

    static List<StrategyParam> params() {
        return List.of(
                new StrategyParam("keep", 10, "most recent observations never masked"),
                new StrategyParam("keep_turns", 8, "most recent turns kept when folding into the task state"),
                new StrategyParam("bulky_tokens", 800, "older observations this large may be masked even if not superseded"),
                new StrategyParam("horizon", 100, "expected remaining turns, as a percentage of the turns so far"),
                new StrategyParam("max_window", 150_000, "fold whenever the window would pass this many tokens"));
    }

    @Override
    public Window render(Session session) {
        History history = new History(session.history());
        Window now = layout(session, masks, foldedUpTo, snapshot, frontier);
        Optional<Window> compacted = previous == null ? Optional.empty() : compact(session, history, now);
        previous = compacted.orElse(now);
        return previous;
    }

    private Optional<Window> compact(Session session, History history, Window now) {
        if (now.tokens() > maxWindow) {
            return fold(session, history, now, true);
        }
        Optional<Window> masked = mask(session, history, now);
        return masked.isPresent() ? masked : fold(session, history, now, false);
    }

    private Optional<Window> mask(Session session, History history, Window now) {
        Set<String> superseded = supersession.superseded(session.history());
        List<Integer> observations = history.observations();
        Map<String, ToolResult> next = new HashMap<>(masks);
        for (int i = 0; i < observations.size() - keep; i++) {
            int at = observations.get(i);
            ToolResult result = (ToolResult) session.history().get(at);
            int tokens = windows.counter().count(result);
            boolean stale = superseded.contains(result.callId());
            if (at >= foldedUpTo && !masks.containsKey(result.callId()) && (stale || tokens >= bulkyTokens)) {
                ToolResult placeholder = Placeholders.mask(history.callOf(result), result, tokens,
                        stale ? "superseded by a later call" : "an older bulky output");
                if (windows.counter().count(placeholder) < tokens) {
                    next.put(result.callId(), placeholder);
                }
            }
        }
        if (next.size() == masks.size()) {
            return Optional.empty();
        }
        Window candidate = layout(session, next, foldedUpTo, snapshot, session.history().size());
        return decide("mask", history, now, candidate, false).map(done -> {
            masks.putAll(next);
            frontier = session.history().size();
            return done;
        });
    }

    private Optional<Window> fold(Session session, History history, Window now, boolean forced) {
        int foldTo = history.startOfLastTurns(keepTurns);
        if (foldTo <= Math.max(foldedUpTo, history.firstTurnStart())) {
            return Optional.empty();
        }
        String state = session.state().render();
        Window candidate = layout(session, masks, foldTo, state, session.history().size());
        return decide("fold", history, now, candidate, forced).map(done -> {
            foldedUpTo = foldTo;
            snapshot = state;
            frontier = session.history().size();
            return done;
        });
    }

    /** Applies the rule in the class comment; prices are in input-token equivalents. */
    private Optional<Window> decide(String kind, History history, Window now, Window candidate, boolean forced) {
        int removed = now.tokens() - candidate.tokens();
        int firstChange = firstDifference(now.messages(), candidate.messages());
        int kept = previous.breakpoints().stream().filter(b -> b.messages() <= firstChange)
                .mapToInt(Breakpoint::tokens).max().orElse(0);
        int cachedBefore = previous.tokens();
        double thisTurnWithout = cachedBefore * rates.read() + (now.tokens() - cachedBefore) * rates.write();
        double thisTurnWith = kept * rates.read() + (candidate.tokens() - kept) * rates.write();
        double remainingTurns = Math.max(1.0, history.turns() * horizonPercent / 100.0);
        double net = remainingTurns * removed * rates.read() - (thisTurnWith - thisTurnWithout);
        if (removed <= 0 || (net <= 0 && !forced)) {
            return Optional.empty();
        }
        return Optional.of(candidate.withCompaction(
                new Compaction(kind, removed, kept, candidate.tokens() - kept, net)));
    }

    private Window layout(Session session, Map<String, ToolResult> maskedResults, int folded, String state, int frozenUpTo) {
        List<Message> history = session.history();
        int start = folded == 0 ? 0 : folded;
        List<Message> shown = new ArrayList<>(history.size() - start);
        for (Message message : history.subList(start, history.size())) {
            shown.add(message instanceof ToolResult result ? maskedResults.getOrDefault(result.callId(), result) : message);
        }
        int split = Math.max(0, Math.min(frozenUpTo - start, shown.size()));
        WindowBuilder builder = windows.builder()
                .tools(session.tools())
                .segment(SegmentKind.SYSTEM, List.of(session.system())).breakpoint();
        if (folded > 0) {
            builder.segment(SegmentKind.STATE, List.of(new UserText(state))).breakpoint();
        }
        return builder
                .segment(SegmentKind.HISTORY, shown.subList(0, split)).breakpoint()
                .segment(SegmentKind.HISTORY, shown.subList(split, shown.size())).breakpoint()
                .build();
    }

    private static int firstDifference(List<Message> a, List<Message> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        return n;
    }
}
