package dev.cachet.tools.sandbox;

import dev.cachet.tools.RealPath;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The environment of a program cachet starts outside the sandbox (an MCP server): the variables it inherits, and the
 * names of those it is started without because they name the workspace. The agent writes there, so a variable that
 * points into it ({@code PYTHONPATH=~/proj/src}, {@code NODE_OPTIONS=--require ~/proj/hook.js}) would let what the
 * agent wrote run in the server, with the user's rights.
 *
 * @param inherited the variables cachet was started with, PATH less the relative folders and those the workspace holds
 * @param withheld names in {@code inherited} the program must not see, in order
 */
public record ServerEnvironment(Map<String, String> inherited, Set<String> withheld) {
    /**
     * Where cachet was started (often the workspace) and the user's home, which load nothing by themselves: a server
     * needs HOME, and a workspace that holds the home holds the server's dotfiles whatever HOME says.
     */
    private static final Set<String> LOCATIONS = Set.of("PWD", "OLDPWD", "_", "HOME");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s:;,=\"']+");

    public ServerEnvironment {
        inherited = Map.copyOf(inherited);
        withheld = Collections.unmodifiableSortedSet(new TreeSet<>(withheld));
    }

    /** {@code environment} as it is, nothing withheld: for a program that runs where the agent writes nothing. */
    public static ServerEnvironment unchanged(Map<String, String> environment) {
        return new ServerEnvironment(environment, Set.of());
    }

    /** What a program started outside the sandbox of a session in {@code workspace} may inherit of its environment. */
    public static ServerEnvironment outside(Path workspace, Map<String, String> environment) {
        Path root = RealPath.of(workspace);
        Map<String, String> inherited = new HashMap<>(environment);
        String path = environment.get("PATH");
        if (path != null) {
            inherited.put("PATH", Arrays.stream(path.split(File.pathSeparator))
                    .filter(dir -> Executables.absolute(dir).filter(folder -> !RealPath.of(folder).startsWith(root))
                            .isPresent())
                    .collect(Collectors.joining(File.pathSeparator)));
        }
        Set<String> withheld = environment.entrySet().stream()
                .filter(variable -> !variable.getKey().equals("PATH") && !LOCATIONS.contains(variable.getKey()))
                .filter(variable -> namesInside(variable.getValue(), root))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return new ServerEnvironment(inherited, withheld);
    }

    /**
     * Whether some absolute path in {@code value} (a path list, options, a single path) lies in {@code root}. A path
     * may follow an option's letters ({@code -I/ws/lib}, {@code -r/ws/hook.rb}): each word is read from its first
     * slash.
     */
    private static boolean namesInside(String value, Path root) {
        // A workspace whose path holds a space or a separator is not found by words: it is looked for whole.
        return mentions(value, root.toString())
                || SEPARATORS.splitAsStream(value).filter(word -> word.indexOf('/') >= 0)
                .flatMap(word -> Executables.absolute(word.substring(word.indexOf('/'))).stream())
                .anyMatch(path -> RealPath.of(path).startsWith(root));
    }

    /** Whether {@code value} holds {@code folder} followed by its end, a slash or a separator. */
    private static boolean mentions(String value, String folder) {
        for (int at = value.indexOf(folder); at >= 0; at = value.indexOf(folder, at + 1)) {
            int after = at + folder.length();
            if (after == value.length() || value.charAt(after) == '/'
                    || SEPARATORS.matcher(value.substring(after, after + 1)).matches()) {
                return true;
            }
        }
        return false;
    }
}
