package dev.cachet.harness.cli;

import dev.cachet.context.strategy.Strategies;
import dev.cachet.harness.InputException;
import dev.cachet.harness.config.Config;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code -P STRATEGY.NAME=N}, one syntax for every command that runs or replays strategies. */
final class StrategyParamOption {
    @Option(names = {"-P", "--param"}, paramLabel = "STRATEGY.NAME=N",
            converter = {StrategyParamOption.NameConverter.class, ZeroOrMoreConverter.class},
            description = "A strategy parameter, e.g. -P hybrid.keep=12 (repeatable; over .cachet.yaml's 'strategies'). "
                    + "N from 0 up; each parameter has its own least value (see 'cachet strategies').")
    Map<String, Integer> params = new HashMap<>();

    /** The config's parameters for {@code strategy} with the flags' on top; every flag must name a chosen strategy. */
    Map<String, Integer> paramsFor(String strategy, Collection<String> chosen, Config config) {
        return over(config.paramsFor(strategy), strategy, chosen);
    }

    /** {@code base} with the flags for {@code strategy} on top; every flag must name a chosen strategy. */
    Map<String, Integer> over(Map<String, Integer> base, String strategy, Collection<String> chosen) {
        Map<String, Integer> merged = new HashMap<>(base);
        params.forEach((key, value) -> {
            int dot = key.indexOf('.');
            String named = key.substring(0, dot);
            if (Strategies.byName(named).isEmpty()) {
                throw new InputException("-P " + key + ": there is no strategy " + named
                        + " (see 'cachet strategies'); those chosen are " + chosen);
            }
            if (!chosen.contains(named)) {
                throw new UsageException("-P " + key + ": " + named + " is not among the strategies chosen, " + chosen);
            }
            if (named.equals(strategy)) {
                merged.put(key.substring(dot + 1), value);
            }
        });
        return merged;
    }

    /** STRATEGY.NAME, checked for its shape at parse time; whether the strategy was chosen, only the command knows. */
    static final class NameConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String key) {
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new CommandLine.TypeConversionException("'" + key + "' is not STRATEGY.NAME, e.g. hybrid.keep");
            }
            return key;
        }
    }
}
