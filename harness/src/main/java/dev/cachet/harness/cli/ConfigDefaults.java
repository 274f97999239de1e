package dev.cachet.harness.cli;

import dev.cachet.harness.InputException;
import dev.cachet.harness.config.Config;
import dev.cachet.tools.sandbox.SandboxMode;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Config files as picocli defaults: an option without its flag takes the config's value, else its declared default,
 * so each option, its default and its config key are declared once.
 */
final class ConfigDefaults implements IDefaultValueProvider {
    private final Supplier<Config> config;

    ConfigDefaults(Supplier<Config> config) {
        this.config = config;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        Function<Config, Optional<String>> key = switch (option.longestName()) {
            case "--model" -> Config::model;
            case "--base-url" -> Config::baseUrl;
            case "--strategy" -> Config::strategy;
            case "--sandbox" -> c -> c.sandbox().mode().map(SandboxMode::cliName);
            case "--allow-network" -> c -> c.sandbox().allowNetwork().map(String::valueOf);
            case "--allow-env" -> c -> Optional.of(String.join(",", c.sandbox().allowEnv())).filter(names -> !names.isEmpty());
            default -> null;
        };
        if (key == null) {
            return null;
        }
        try {
            return key.apply(config.get()).orElse(null);
        } catch (InputException e) {
            // Picocli would report it as a usage error; the command reads the config itself and reports it as bad input.
            return null;
        }
    }
}
