package dev.cachet.tools.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment a command gets: its parent's, minus every variable that looks like it holds a secret (API keys,
 * tokens, passwords by name; a URL with a password in it by value), unless the user allowed it by name. Commands the
 * model writes must not read the keys cachet itself runs with.
 */
public final class CommandEnvironment {
    private static final List<String> SECRET_MARKERS = List.of("KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD",
            "CREDENTIAL");
    // Words of a name, as in MYSQL_PWD and SMTP_PASS; not PWD alone (the working directory), nor TOX_PASSENV.
    private static final Set<String> SECRET_WORDS = Set.of("PWD", "PASS");
    // scheme://user:password@host: a database's or a broker's URL holds its password whatever the variable is called.
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s:]*:[^/@\\s]+@");

    private CommandEnvironment() {}

    public static Map<String, String> of(Map<String, String> parent, Set<String> allowed) {
        Map<String, String> child = new TreeMap<>(parent);
        child.entrySet().removeIf(variable -> isSecret(variable.getKey(), variable.getValue())
                && !allowed.contains(variable.getKey()));
        return child;
    }

    public static boolean isSecret(String name, String value) {
        String upper = name.toUpperCase(Locale.ROOT);
        List<String> words = List.of(upper.split("_"));
        return SECRET_MARKERS.stream().anyMatch(upper::contains)
                || words.size() > 1 && words.stream().anyMatch(SECRET_WORDS::contains)
                || URL_WITH_PASSWORD.matcher(value).find();
    }
}
