package dev.cachet.harness.cli;

import dev.cachet.harness.view.JsonLinesView;
import dev.cachet.harness.view.LiveView;
import dev.cachet.harness.view.QuietView;
import dev.cachet.harness.view.ResumeHint;
import dev.cachet.harness.view.Screen;
import dev.cachet.harness.view.Spinner;
import dev.cachet.harness.view.Style;
import dev.cachet.harness.view.WorkspaceFileLookup;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.session.SessionLogs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How a session shows on stdout: live (the default), only its summary, or as JSON events for scripts. */
final class DisplayOptions {
    @ArgGroup(exclusive = true)
    Mode mode;

    static final class Mode {
        @Option(names = {"-q", "--quiet"}, description = "Print only the final summary (and warnings, on stderr).")
        boolean quiet;

        @Option(names = "--json", description = "Print each session event as one line of JSON, the session log's "
                + "shape, and nothing else on stdout: for scripts.")
        boolean json;
    }

    /**
     * The view the options ask for. The live view colours and animates only on a terminal, and never where
     * {@code NO_COLOR} is set.
     *
     * @param workspace the session's, whose files the live view reads to show what a write changed
     */
    SessionListener view(PrintWriter out, PrintWriter err, Map<String, String> environment, SessionLogs logs,
            Optional<ResumeHint> hint, Path workspace) {
        if (mode != null && mode.json) {
            return new JsonLinesView(out);
        }
        if (mode != null && mode.quiet) {
            return new QuietView(out, err, hint);
        }
        return live(out, out::println, System.console() != null, environment, logs, hint, workspace);
    }

    /**
     * The live view on {@code out}: coloured and animated where it is a terminal.
     *
     * @param lines how it writes a whole line to {@code out}
     */
    static LiveView live(PrintWriter out, Consumer<String> lines, boolean terminal,
            Map<String, String> environment, SessionLogs logs, Optional<ResumeHint> hint, Path workspace) {
        Screen screen = new Screen(out, terminal, lines);
        Style style = Style.detect(environment, terminal);
        Spinner spinner = new Spinner(screen, style, System::nanoTime, terminal ? Spinner.Timer.daemon() : Spinner.Timer.NONE);
        return new LiveView(screen, style, spinner, logs, hint, new WorkspaceFileLookup(workspace));
    }

    /** A live view of a session that cannot be resumed, as the demo's. */
    static SessionListener live(PrintWriter out, Map<String, String> environment, SessionLogs logs, Path workspace) {
        return new DisplayOptions().view(out, out, environment, logs, Optional.empty(), workspace);
    }

    /** How to tell the user to resume a session of this workspace ({@code -w} as the user gave it). */
    static Optional<ResumeHint> resumeHint(Path workspace) {
        return Optional.of(new ResumeHint(workspace.equals(Path.of(".")) ? "" : " -w " + workspace));
    }
}
