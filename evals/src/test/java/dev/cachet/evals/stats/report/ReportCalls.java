package dev.cachet.evals.stats.report;

import dev.cachet.evals.stats.Call;
import dev.cachet.evals.stats.CallPricer;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import java.time.Instant;
import java.util.Optional;

/** Hand-made calls and round prices, so that every figure a test expects can be worked out by hand. */
final class ReportCalls {
    /** $1 input, $2 output, $1.25 5-minute and $2 1-hour writes, $0.10 reads per million tokens. */
    static final ModelPrice SMALL = new ModelPrice(1, 2, 1.25, 2, 0.1);
    /** Ten times {@link #SMALL}. */
    static final ModelPrice LARGE = new ModelPrice(10, 20, 12.5, 20, 1);
    static final CallPricer PRICER = new CallPricer(model -> switch (model) {
        case "small" -> Optional.of(SMALL);
        case "large" -> Optional.of(LARGE);
        default -> Optional.empty();
    });

    private ReportCalls() {}

    /** A call of {@code model} at {@code at} that read {@code uncached} tokens uncached and wrote {@code output}. */
    static Call call(String session, String model, String at, long uncached, long output) {
        return new Call(session, "main", Optional.of(model), Optional.of(Instant.parse(at)),
                Optional.of(new Usage(uncached, 0, 0, output, 0)));
    }

    /** What such a call costs at {@code price}. */
    static double cost(ModelPrice price, long uncached, long output) {
        return (uncached * price.input() + output * price.output()) / 1e6;
    }
}
