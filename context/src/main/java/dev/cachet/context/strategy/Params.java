package dev.cachet.context.strategy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A strategy's parameter values: the user's, checked against what the strategy takes, over its defaults. */
public final class Params {
    private final Map<String, Integer> values = new TreeMap<>();

    Params(String strategy, List<StrategyParam> declared, Map<String, Integer> given) {
        Map<String, StrategyParam> byName = new TreeMap<>();
        declared.forEach(p -> {
            values.put(p.name(), p.defaultValue());
            byName.put(p.name(), p);
        });
        given.forEach((name, value) -> {
            if (!byName.containsKey(name)) {
                String known = declared.isEmpty() ? "it takes none"
                        : "it takes " + declared.stream().map(StrategyParam::name).collect(Collectors.joining(", "));
                throw new IllegalArgumentException("strategy " + strategy + " has no parameter '" + name + "'; " + known);
            }
            int minimum = byName.get(name).minimum();
            if (value < minimum) {
                throw new IllegalArgumentException(
                        "parameter " + name + " of strategy " + strategy + " must be >= " + minimum + ", got " + value);
            }
            values.put(name, value);
        });
    }

    public int get(String name) {
        Integer value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("undeclared parameter " + name);
        }
        return value;
    }

    /** The values in effect, for logs. */
    public Map<String, Integer> values() {
        return Map.copyOf(values);
    }
}
