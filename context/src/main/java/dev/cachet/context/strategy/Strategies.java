package dev.cachet.context.strategy;

import dev.cachet.context.strategy.hybrid.HybridStrategy;
import java.util.List;
import java.util.Optional;

/** The strategies a user can pick with {@code --strategy}. */
public final class Strategies {
    public static final String DEFAULT = HybridStrategy.NAME;

    private static final List<StrategyInfo> ALL = List.of(
            new StrategyInfo(TranscriptStrategy.NAME,
                    "everything, append-only; with prompt caching this is the cached baseline",
                    List.of(), (services, params) -> new TranscriptStrategy(services.windows())),
            new StrategyInfo(MaskingStrategy.NAME,
                    "last N observations verbatim, older ones a one-line placeholder, re-masked every turn",
                    List.of(new StrategyParam("keep", 10, 1, "observations kept verbatim")),
                    (services, params) -> new MaskingStrategy(services.windows(), params.get("keep"))),
            new StrategyInfo(SummaryStrategy.NAME,
                    "above a token threshold, the oldest turns become a summary (offline: extractive)",
                    List.of(new StrategyParam("max_tokens", 40_000, 1, "window size that triggers a summary"),
                            new StrategyParam("keep_turns", 5, 1, "most recent turns kept verbatim")),
                    (services, params) -> new SummaryStrategy(services.windows(), services.summarizer(),
                            params.get("max_tokens"), params.get("keep_turns"))),
            new StrategyInfo(StateStrategy.NAME,
                    "system, tools, the task state and the last K turns only",
                    List.of(new StrategyParam("keep_turns", 5, 1, "most recent turns kept")),
                    (services, params) -> new StateStrategy(services.windows(), params.get("keep_turns"))),
            new StrategyInfo(HybridStrategy.NAME,
                    "cache-aware: append-only, compacting (mask, then fold into task state) only when it pays",
                    HybridStrategy.params(),
                    (services, params) -> new HybridStrategy(services.windows(), services.cacheRates(), services.clock(), params)));

    private Strategies() {}

    public static List<StrategyInfo> all() {
        return ALL;
    }

    public static Optional<StrategyInfo> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** @throws IllegalArgumentException naming the unknown strategy and the known ones */
    public static StrategyInfo named(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + name + "'; available: "
                + String.join(", ", ALL.stream().map(StrategyInfo::name).toList())));
    }
}
