package dev.cachet.evals.replay;

import dev.cachet.context.Session;
import dev.cachet.context.strategy.CacheRates;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.context.window.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The transcript strategy, noting in order what a replay tells it: each render's time, each ping, each read served,
 * each lifetime a call's prefix was left cached for, each cache found empty or holding an older window.
 */
final class Listening {
    private final List<String> heard = new ArrayList<>();

    ConfiguredStrategy strategy() {
        StrategyInfo listening = new StrategyInfo("listening", "the transcript, noting what it hears of the cache",
                List.of(), (services, params) -> new ContextStrategy() {
                    private final ContextStrategy transcript = new TranscriptStrategy(services.windows());

                    @Override
                    public Window render(Session session) {
                        heard.add("render at " + services.clock().instant());
                        return transcript.render(session);
                    }

                    @Override
                    public void cacheUsed(Instant at) {
                        heard.add("ping at " + at);
                    }

                    @Override
                    public void cacheLifetime(CacheRates rates) {
                        heard.add("lifetime " + rates.ttl() + " at write " + rates.write()
                                + rates.longPrompt().map(tier -> " above " + tier.aboveTokens()).orElse(""));
                    }

                    @Override
                    public void cacheEmptied() {
                        heard.add("emptied");
                    }

                    @Override
                    public void cacheHolds(Window warm) {
                        heard.add("holds " + warm.tokens());
                    }

                    @Override
                    public void cacheServed(long predictedRead, double share) {
                        heard.add(predictedRead > 0 ? "served " + share : "served a share of no read");
                    }
                });
        return new ConfiguredStrategy(listening, listening.configure(Map.of()));
    }

    /** What it heard of the kinds named ("render", "ping", "served", "lifetime", "emptied", "holds"), in order. */
    List<String> heard(String... kinds) {
        return heard.stream().filter(line -> Arrays.stream(kinds).anyMatch(line::startsWith)).toList();
    }
}
