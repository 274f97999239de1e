package dev.cachet.tools.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * A command wrapped in bwrap: the argument list to run, and the empty folders bwrap leaves in the workspace as mount
 * points for the absent files it covers, to remove once the command has ended.
 */
public record ConfinedCommand(List<String> argv, List<Path> mountPoints) {
    public ConfinedCommand {
        argv = List.copyOf(argv);
        mountPoints = List.copyOf(mountPoints);
    }
}
