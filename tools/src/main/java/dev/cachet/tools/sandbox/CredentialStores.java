package dev.cachet.tools.sandbox;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the user keeps credentials that confined commands may not read: keys, cloud and cluster logins, registry
 * and git tokens, and cachet's own config with its provider keys. Found from the environment cachet was given
 * ({@code HOME}, {@code XDG_CONFIG_HOME}), not from the JVM's {@code user.home}.
 */
final class CredentialStores {
    private static final List<String> IN_HOME = List.of(".ssh", ".aws", ".gnupg", ".config/gcloud", ".kube",
            ".docker", ".netrc", ".git-credentials", ".config/gh", ".config/cachet", ".config/git/credentials");
    private static final List<String> IN_CONFIG_HOME = List.of("gh", "cachet", "git/credentials");

    private CredentialStores() {}

    static List<Path> of(Map<String, String> environment) {
        List<Path> stores = new ArrayList<>();
        directory(environment, "HOME").ifPresent(home -> IN_HOME.forEach(store -> stores.add(home.resolve(store))));
        directory(environment, "XDG_CONFIG_HOME")
                .ifPresent(config -> IN_CONFIG_HOME.forEach(store -> stores.add(config.resolve(store))));
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
