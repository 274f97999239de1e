package dev.cachet.evals.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scripts a check command runs, as paths inside the repository: the program of each simple command when it is
 * a path ({@code ./check.sh}, {@code scripts/test}), and the script an interpreter is given ({@code sh check.sh},
 * {@code python3 tests/run.py}). Only what runs: a file the check merely reads ({@code grep -q x src/a.c}) is the
 * agent's to change. Anything else the check depends on is for a suite's {@code check_files}.
 */
final class CheckScripts {
    private static final Pattern COMMAND_SEPARATORS = Pattern.compile("[;&|()\\n]+");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    private static final Set<String> INTERPRETERS =
            Set.of("sh", "bash", "dash", "zsh", "ksh", "python", "python2", "python3", "node", "ruby", "perl", "php");
    private static final Set<String> PREFIXES = Set.of("env", "exec", "command");
    // An interpreter given code or a module instead of a script: nothing of the repository runs as the script.
    private static final Set<String> CODE_OPTIONS = Set.of("-c", "-m");

    private CheckScripts() {}

    static List<String> in(String check) {
        Set<String> scripts = new LinkedHashSet<>();
        for (String simple : COMMAND_SEPARATORS.split(check)) {
            List<String> words = new ArrayList<>(Arrays.stream(simple.trim().split("\\s+"))
                    .map(word -> word.replace("\"", "").replace("'", "")).filter(word -> !word.isEmpty()).toList());
            while (!words.isEmpty() && (ASSIGNMENT.matcher(words.get(0)).matches() || PREFIXES.contains(words.get(0)))) {
                words.remove(0);
            }
            if (!words.isEmpty()) {
                script(words).filter(CheckScripts::insideRepository).map(path -> Path.of(path).normalize().toString())
                        .ifPresent(scripts::add);
            }
        }
        return List.copyOf(scripts);
    }

    private static Optional<String> script(List<String> words) {
        String program = words.get(0);
        if (!INTERPRETERS.contains(Path.of(program).getFileName().toString())) {
            return program.contains("/") ? Optional.of(program) : Optional.empty();
        }
        for (String word : words.subList(1, words.size())) {
            if (CODE_OPTIONS.contains(word)) {
                return Optional.empty();
            }
            if (!word.startsWith("-")) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    private static boolean insideRepository(String path) {
        return !path.startsWith("/") && !path.startsWith("~") && !path.contains("$")
                && Arrays.stream(path.split("/")).noneMatch(".."::equals);
    }
}
