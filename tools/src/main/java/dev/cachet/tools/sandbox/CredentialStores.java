package dev.cachet.tools.sandbox;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the user keeps credentials that confined commands may not read: keys, cloud and cluster logins, registry
 * and git tokens, other coding agents' logins, the X display's cookie (with it a command could type into any
 * window), cachet's own config with its provider keys, and cachet's session logs, which hold what earlier sessions'
 * tools read (some of it hidden from this one), and its cache (the price list that bills a session). Found from the
 * environment cachet was given ({@code HOME} and the XDG folders), not from the JVM's {@code user.home}.
 */
final class CredentialStores {
    private static final List<String> IN_HOME = List.of(".ssh", ".aws", ".gnupg", ".config/gcloud", ".kube",
            ".docker", ".netrc", ".git-credentials", ".config/gh", ".config/cachet", ".config/git/credentials",
            ".claude/.credentials.json", ".codex/auth.json", ".Xauthority", ".cargo/credentials",
            ".cargo/credentials.toml", ".terraform.d/credentials.tfrc.json", ".local/state/cachet", ".cache/cachet");
    private static final List<String> IN_CONFIG_HOME = List.of("gh", "cachet", "git/credentials");
    private static final List<String> IN_STATE_HOME = List.of("cachet");
    private static final List<String> IN_CACHE_HOME = List.of("cachet");

    private CredentialStores() {}

    static List<Path> of(Map<String, String> environment) {
        List<Path> stores = new ArrayList<>();
        directory(environment, "HOME").ifPresent(home -> IN_HOME.forEach(store -> stores.add(home.resolve(store))));
        directory(environment, "XDG_CONFIG_HOME")
                .ifPresent(config -> IN_CONFIG_HOME.forEach(store -> stores.add(config.resolve(store))));
        directory(environment, "XDG_STATE_HOME")
                .ifPresent(state -> IN_STATE_HOME.forEach(store -> stores.add(state.resolve(store))));
        directory(environment, "XDG_CACHE_HOME")
                .ifPresent(cache -> IN_CACHE_HOME.forEach(store -> stores.add(cache.resolve(store))));
        return stores;
    }

    // A relative or malformed value names no place on disk that can be trusted; it is skipped.
    private static Optional<Path> directory(Map<String, String> environment, String variable) {
        try {
            return Optional.ofNullable(environment.get(variable)).filter(value -> !value.isEmpty()).map(Path::of)
                    .filter(Path::isAbsolute);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
