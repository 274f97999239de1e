package dev.cachet.tools.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a command gets: its parent's, minus every variable whose name looks like it holds a secret (API
 * keys, tokens, passwords), unless the user allowed it by name. Commands the model writes must not read the keys
 * cachet itself runs with.
 */
public final class CommandEnvironment {
    private static final List<String> SECRET_MARKERS = List.of("KEY", "TOKEN", "SECRET", "PASSWORD");

    private CommandEnvironment() {}

    public static Map<String, String> of(Map<String, String> parent, Set<String> allowed) {
        Map<String, String> child = new TreeMap<>(parent);
        child.keySet().removeIf(name -> isSecret(name) && !allowed.contains(name));
        return child;
    }

    public static boolean isSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return SECRET_MARKERS.stream().anyMatch(upper::contains);
    }
}
