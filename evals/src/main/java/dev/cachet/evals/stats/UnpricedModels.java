package dev.cachet.evals.stats;

import dev.cachet.context.Counted;
import dev.cachet.providers.Usage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One line per model that sessions used but no price table knows: its tokens are counted, its cost is not. */
public final class UnpricedModels {
    private UnpricedModels() {}

    /** @param models what each session's models billed, session by session */
    public static List<String> of(List<ModelUsage> models) {
        Map<String, Usage> tokens = new LinkedHashMap<>();
        Map<String, Integer> calls = new LinkedHashMap<>();
        for (ModelUsage model : models) {
            if (model.costUsd() == null && model.usage().total() > 0) {
                tokens.merge(model.model(), model.usage(), Usage::plus);
                calls.merge(model.model(), model.calls(), Integer::sum);
            }
        }
        return tokens.entrySet().stream().map(entry -> String.format(Locale.ROOT,
                "unpriced model %s (%s, %,d tokens counted, no cost): add it to ~/.config/cachet/prices.yaml"
                        + " (input, output, cache_write_5m, cache_write_1h, cache_read per million tokens) or run"
                        + " 'cachet prices update'",
                entry.getKey(), Counted.of(calls.get(entry.getKey()), "call"), entry.getValue().total())).toList();
    }
}
