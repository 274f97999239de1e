package dev.cachet.harness.config;

import dev.cachet.harness.InputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's own directories, from the environment cachet was started with (the XDG base directories, else their
 * defaults under {@code $HOME}), never from the JVM's {@code user.home}: tests and wrappers point them elsewhere.
 */
public record UserDirs(Map<String, String> environment) {
    public UserDirs {
        environment = Map.copyOf(environment);
    }

    public Path home() {
        return absolute("HOME").orElseThrow(() -> new InputException("HOME is not set to an absolute path; cachet "
                + "keeps its config and session logs under it"));
    }

    /** cachet's config: {@code $XDG_CONFIG_HOME/cachet}, else {@code ~/.config/cachet}. */
    public Path config() {
        return base("XDG_CONFIG_HOME", ".config").resolve("cachet");
    }

    /** Where the user's programs keep state, such as cachet's session logs: {@code $XDG_STATE_HOME}, else {@code ~/.local/state}. */
    public Path stateHome() {
        return base("XDG_STATE_HOME", ".local/state");
    }

    /** cachet's cache: {@code $XDG_CACHE_HOME/cachet}, else {@code ~/.cache/cachet}. */
    public Path cache() {
        return base("XDG_CACHE_HOME", ".cache").resolve("cachet");
    }

    /**
     * Claude Code's homes, which hold its logs in {@code projects}: those {@code $CLAUDE_CONFIG_DIR} names (ccusage
     * takes several, comma-separated), else {@code ~/.config/claude} and {@code ~/.claude}, both of which Claude Code
     * has kept them in.
     */
    public List<Path> claudeCode() {
        List<Path> named = Arrays.stream(environment.getOrDefault("CLAUDE_CONFIG_DIR", "").split(","))
                .map(String::strip)
                .filter(dir -> !dir.isEmpty())
                .map(Path::of)
                .filter(Path::isAbsolute)
                .toList();
        return named.isEmpty() ? List.of(home().resolve(".config/claude"), home().resolve(".claude")) : named;
    }

    /**
     * Codex's home, which holds its logs in {@code sessions} and {@code archived_sessions}: {@code $CODEX_HOME}, else
     * {@code ~/.codex}.
     */
    public Path codex() {
        return base("CODEX_HOME", ".codex");
    }

    // The XDG spec: a variable that is unset, empty or relative is ignored (CODEX_HOME is taken alike).
    private Path base(String variable, String underHome) {
        return absolute(variable).orElseGet(() -> home().resolve(underHome));
    }

    private Optional<Path> absolute(String variable) {
        String value = environment.get(variable);
        return Optional.ofNullable(value).filter(v -> !v.isEmpty()).map(Path::of).filter(Path::isAbsolute);
    }
}
