package dev.cachet.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The class list the launcher (./cachet) has a command's first run write, from which it dumps the class-data archive
 * that every later run of the command maps. A run that showed help or a version, or failed, loads a fraction of the
 * classes its command uses, and an archive of those leaves the rest to be read and verified from the jar on every
 * later run (a corpus replay after a first {@code replay --help}: 0.3 s more each time). Such a run gives its list
 * up, so that the next run writes one.
 */
final class LauncherClassList {
    /** The system property in which the launcher names the list this run writes. */
    static final String PROPERTY = "cachet.class-list";

    private LauncherClassList() {}

    /** Deletes {@code list} (null where the launcher asked for none) unless the run is a fair sample. */
    static void settle(String list, int status, CommandLine.ParseResult parsed) {
        if (list == null || list.isBlank() || fairSample(status, parsed)) {
            return;
        }
        try {
            Files.deleteIfExists(Path.of(list));
        } catch (IOException | InvalidPathException e) {
            // The archive only saves time: a list left behind costs speed, never a result.
        }
    }

    /** A run that parsed, ran its command and succeeded, without asking for help or a version. */
    static boolean fairSample(int status, CommandLine.ParseResult parsed) {
        return status == 0 && parsed != null && parsed.asCommandLineList().stream()
                .noneMatch(line -> line.isUsageHelpRequested() || line.isVersionHelpRequested());
    }
}
