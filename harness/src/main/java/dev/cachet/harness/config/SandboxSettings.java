package dev.cachet.harness.config;

import dev.cachet.tools.sandbox.SandboxMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sandbox keys of a config file: defaults for {@code --sandbox}, {@code --allow-network} and {@code --allow-env}.
 *
 * @param allowEnv variables passed to commands although their names look secret; the files' lists add up
 */
public record SandboxSettings(Optional<SandboxMode> mode, Optional<Boolean> allowNetwork, List<String> allowEnv) {
    public static final SandboxSettings NONE = new SandboxSettings(Optional.empty(), Optional.empty(), List.of());

    public SandboxSettings {
        allowEnv = List.copyOf(allowEnv);
    }

    SandboxSettings overriddenBy(SandboxSettings other) {
        Set<String> names = new LinkedHashSet<>(allowEnv);
        names.addAll(other.allowEnv);
        return new SandboxSettings(other.mode.or(() -> mode), other.allowNetwork.or(() -> allowNetwork), List.copyOf(names));
    }
}
