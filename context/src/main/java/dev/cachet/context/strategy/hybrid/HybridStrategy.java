package dev.cachet.context.strategy.hybrid;

import dev.cachet.context.Session;
import dev.cachet.context.strategy.CacheRates;
import dev.cachet.context.strategy.CacheReliability;
import dev.cachet.context.strategy.CompactsOnRequest;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.History;
import dev.cachet.context.strategy.Params;
import dev.cachet.context.strategy.StrategyParam;
import dev.cachet.context.window.Compaction;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Cache-aware compaction. Between compactions the window only grows at its end, so every request reads the whole
 * previous one from the cache. Each turn it prices two compactions ({@link CompactionPricer}) and does one only
 * when it pays ({@link CompactionPrice#pays}): {@link MaskCompactor masking} superseded or bulky observations, or
 * {@link FoldCompactor folding} the older turns into the task state. The rent still expected is the rent per turn
 * over R turns, R estimated as the turns so far × {@code horizon}%. Masking is preferred; folding is forced when
 * the window passes {@code max_window}. Short sessions never pay, so they cost exactly what the cached transcript
 * costs. After a pause longer than the cache's TTL the whole prompt is written again anyway, so any compaction on
 * offer then pays at once: a session that idles is compacted when that is free, as is one whose next request goes to
 * an empty cache ({@link #cacheEmptied}, another model's); one back on a cache that still holds an older window
 * ({@link #cacheHolds}) prices what is warm from that window. A provider seen to serve less than it
 * cached makes kept tokens dearer and rewrites cheaper, so compaction pays sooner ({@link CacheReliability}).
 * The TTL and the write price are those of the lifetime the last request was cached for, as it is told
 * ({@link #cacheLifetime}): a pause within the hour a prefix was written for expires nothing.
 */
public final class HybridStrategy implements ContextStrategy, CompactsOnRequest {
    public static final String NAME = "hybrid";

    private final HybridLayout layout;
    private final CacheReliability reliability = new CacheReliability();
    private final CompactionPricer pricer;
    private final WorkingSet workingSet;
    private final MaskCompactor masking;
    private final FoldCompactor folding;
    private final int horizonPercent;
    private final int maxWindow;
    private final Clock clock;
    // Told after each request; read by a keep-alive's thread too.
    private volatile CacheRates rates;

    private Compactions compactions = Compactions.NONE;
    private Window previous;
    // Also set by a keep-alive ping, on the thread that sent it.
    private volatile Instant previousAt;
    // The rent each kind of compaction would have saved since the last compaction, this turn included.
    private double maskRent;
    private double foldRent;
    private double releaseRent;
    private boolean forced;
    // The next request finds its cache empty whatever the time (cacheEmptied), or holding this window (cacheHolds).
    private boolean emptied;
    private Window held;

    public HybridStrategy(WindowFactory windows, CacheRates rates, Clock clock, Params params) {
        this.layout = new HybridLayout(windows);
        this.rates = rates;
        this.pricer = new CompactionPricer(reliability);
        int useTurns = params.get("use_turns");
        this.workingSet = new WorkingSet(useTurns > 0 ? () -> useTurns : () -> reliability.idleTurns(this.rates));
        this.masking = new MaskCompactor(windows.counter(), params.get("keep"), params.get("bulky_tokens"),
                params.get("index_names"), workingSet);
        this.folding = new FoldCompactor(params.get("keep_turns"), params.get("index_names"), workingSet);
        this.horizonPercent = params.get("horizon");
        this.maxWindow = params.get("max_window");
        this.clock = clock;
    }

    public static List<StrategyParam> params() {
        return List.of(
                new StrategyParam("keep", 20, 1, "most recent observations never masked"),
                new StrategyParam("keep_turns", 7, 1, "most recent turns kept when folding into the task state"),
                new StrategyParam("bulky_tokens", 800, 1, "older observations this large may be masked even if not superseded"),
                new StrategyParam("horizon", 100, 0, "expected remaining turns, as a percentage of the turns so far"),
                new StrategyParam("max_window", 150_000, 1, "fold whenever the window would pass this many tokens"),
                new StrategyParam("index_names", 0, 0, "code names kept per masked or folded output (0: paths only)"),
                new StrategyParam("use_turns", 0, 0,
                        "turns an output stays whole after its last use (0: input over a cached token's price, the break-even)"));
    }

    @Override
    public Window render(Session session) {
        History history = new History(session.history());
        workingSet.update(session.history());
        Window now = layout.render(session, compactions);
        Instant at = clock.instant();
        Window cached = held != null ? held : previous;
        Optional<Window> compacted = previous == null ? Optional.empty()
                : compact(session, history, now, cached, expiredBy(at));
        emptied = false;
        held = null;
        previous = compacted.orElse(now);
        previousAt = at;
        return previous;
    }

    @Override
    public Optional<Compaction> preview(Session session) {
        if (previous == null) {
            return Optional.empty();
        }
        History history = new History(session.history());
        workingSet.update(session.history());
        Window now = layout.render(session, compactions);
        return requested(session, history, now, previous, expiredBy(clock.instant()))
                .map(c -> c.report(remainingTurns(history)));
    }

    @Override
    public void compactNext() {
        forced = true;
    }

    // Asked for, masking is still preferred: it keeps more of what the model saw.
    private Optional<Candidate> requested(Session session, History history, Window now, Window cached,
            boolean expired) {
        return masking.next(history, compactions).flatMap(next -> offer("mask", session, now, next, cached, expired))
                .or(() -> folding.next(session, history, compactions, true)
                        .flatMap(next -> offer("fold", session, now, next, cached, expired)));
    }

    private double remainingTurns(History history) {
        return Math.max(1.0, history.turns() * horizonPercent / 100.0);
    }

    @Override
    public void cacheUsed(Instant at) {
        if (previousAt != null && at.isAfter(previousAt)) {
            previousAt = at;
        }
    }

    @Override
    public void cacheLifetime(CacheRates rates) {
        this.rates = rates;
    }

    @Override
    public void cacheServed(long predictedRead, double share) {
        reliability.served(predictedRead, share);
    }

    @Override
    public void cacheEmptied() {
        emptied = true;
    }

    @Override
    public void cacheHolds(Window warm) {
        held = warm;
    }

    private boolean expiredBy(Instant at) {
        return emptied || previousAt != null && Duration.between(previousAt, at).compareTo(rates.ttl()) > 0;
    }

    /** @param cached the window the cache the request goes to holds */
    private Optional<Window> compact(Session session, History history, Window now, Window cached, boolean expired) {
        Optional<Candidate> mask = masking.next(history, compactions)
                .flatMap(next -> offer("mask", session, now, next, cached, expired));
        Optional<Compactions> appending = folding.next(session, history, compactions, false);
        Optional<Candidate> fold = appending.flatMap(next -> offer("fold", session, now, next, cached, expired));
        Optional<Candidate> release = folding.next(session, history, compactions, true)
                .filter(next -> !next.equals(appending.orElseThrow()))
                .flatMap(next -> offer("fold", session, now, next, cached, expired));
        maskRent += mask.map(c -> c.price().rentPerTurn()).orElse(0.0);
        foldRent += fold.map(c -> c.price().rentPerTurn()).orElse(0.0);
        releaseRent += release.map(c -> c.price().rentPerTurn()).orElse(0.0);
        double remainingTurns = remainingTurns(history);
        boolean asked = forced;
        forced = false;
        Optional<Candidate> smallest = release.or(() -> fold);
        Optional<Candidate> chosen = asked ? mask.or(() -> smallest)
                : now.tokens() > maxWindow && smallest.isPresent()
                ? smallest
                : mask.filter(m -> m.price().pays(maskRent, remainingTurns))
                        .or(() -> Stream.concat(fold.filter(f -> f.price().pays(foldRent, remainingTurns)).stream(),
                                release.filter(r -> r.price().pays(releaseRent, remainingTurns)).stream())
                                .max(Comparator.comparingDouble(c -> c.price().predictedNetSaving(remainingTurns))));
        chosen.ifPresent(c -> {
            compactions = c.compactions();
            maskRent = 0;
            foldRent = 0;
            releaseRent = 0;
        });
        return chosen.map(c -> c.window().withCompaction(c.report(remainingTurns)));
    }

    private Optional<Candidate> offer(String kind, Session session, Window now, Compactions next, Window cached,
            boolean expired) {
        Window window = layout.render(session, next);
        return pricer.price(rates, cached, now, window, expired)
                .map(price -> new Candidate(kind, next, window, price));
    }

    /** A compaction on offer: what it would change, the window it would send, and its price. */
    private record Candidate(String kind, Compactions compactions, Window window, CompactionPrice price) {
        /** The compaction as the window reports it, with the saving expected over the remaining turns. */
        Compaction report(double remainingTurns) {
            return new Compaction(kind, price.removed(), price.kept(), window.tokens() - price.kept(),
                    price.predictedNetSaving(remainingTurns));
        }
    }
}
