package dev.cachet.harness.view;

import dev.cachet.context.message.ToolCall;
import dev.cachet.harness.loop.Pings;
import dev.cachet.providers.TextStream;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.session.SessionLogs;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Shows a session as it runs: where its log is, the model's text as it arrives, a line per tool call with what it
 * acts on and then what came of it, compactions, each turn's tokens and cost beside the running total, and the
 * summary with what to type to go on. A spinner with the time elapsed runs while the model or a tool works. Any
 * loop that reports session events drives it, {@code cachet run}'s as a chat's.
 */
public final class LiveView implements SessionListener {
    private static final String INDENT = "    ";

    private final Screen screen;
    private final Style style;
    private final Spinner spinner;
    private final SessionLogs logs;
    private final GoOn goOn;
    private final FileLookup files;
    private final Map<String, ToolCall> calls = new HashMap<>();
    private final Map<String, Optional<String>> before = new HashMap<>();
    private final PlanLine plan = new PlanLine();
    private double costSoFar;
    private Pings pings = Pings.NONE;
    private boolean coldRestart;
    private boolean textShown;

    /**
     * @param logs where session logs are written, to say where this session's is
     * @param hint how to tell the user to resume; empty where a session cannot be resumed, as the demo's
     * @param files what a file holds before a tool writes it, to show the write as a diff
     */
    public LiveView(Screen screen, Style style, Spinner spinner, SessionLogs logs, Optional<ResumeHint> hint,
            FileLookup files) {
        this.screen = screen;
        this.style = style;
        this.spinner = spinner;
        this.logs = logs;
        this.goOn = new GoOn(hint);
        this.files = files;
    }

    /** What a file held before a tool wrote it: its text, or empty where it did not exist or cannot be read. */
    @FunctionalInterface
    public interface FileLookup {
        FileLookup NONE = path -> Optional.empty();

        Optional<String> read(String path);
    }

    /** Ends the spinner of a session that failed, so that what is printed next starts on a line of its own. */
    public void failed() {
        spinner.stop();
    }

    @Override
    public TextStream modelText() {
        return new TextStream() {
            @Override
            public void text(String delta) {
                spinner.stop();
                screen.text(delta);
                textShown = true;
            }

            @Override
            public void restarted(String why) {
                screen.endText();
                screen.line(style.yellow("(" + why + "; asking again)"));
            }
        };
    }

    @Override
    public void on(SessionEvent event) {
        // A ping comes while a tool runs, whose spinner goes on.
        if (!(event instanceof SessionEvent.WindowRendered) && !(event instanceof SessionEvent.CachePredicted)
                && !(event instanceof SessionEvent.Pinged)) {
            spinner.stop();
        }
        goOn.follow(event);
        if (event instanceof SessionEvent.Started started) {
            screen.line(String.format("session %s  model %s  strategy %s%n  log %s", started.sessionId(), started.model(),
                    started.strategy(), logs.pathFor(Path.of(started.workspace()), started.sessionId())));
        } else if (event instanceof SessionEvent.Resumed resumed) {
            costSoFar = resumed.costUsd();
            // The end's summary tells the whole session's pings, as its totals hold them.
            pings = new Pings(resumed.pings(), resumed.pingCostUsd());
            coldRestart = true;
            screen.line(String.format("resumed session %s after turn %d ($%.4f so far)  model %s  strategy %s",
                    resumed.sessionId(), resumed.turn(), resumed.costUsd(), resumed.model(), resumed.strategy()));
        } else if (event instanceof SessionEvent.WindowRendered) {
            textShown = false;
            spinner.start("waiting for the model");
        } else if (event instanceof SessionEvent.Compacted compacted) {
            screen.line(CompactionLine.of(compacted.compaction(), style));
        } else if (event instanceof SessionEvent.ModelResponded response) {
            modelResponded(response);
        } else if (event instanceof SessionEvent.Pinged ping) {
            costSoFar += ping.costUsd();
            pings = pings.plus(ping.costUsd());
            screen.line(PingLine.of(ping, costSoFar, style));
        } else if (event instanceof SessionEvent.ToolCalled called) {
            toolCalled(called.call());
        } else if (event instanceof SessionEvent.ToolReturned returned) {
            ToolCall call = calls.remove(returned.result().callId());
            if (call != null) {
                Optional<String> prior = Optional.ofNullable(before.remove(call.id())).flatMap(p -> p);
                ToolOutcome.of(call, returned.result(), returned.elapsedMs(), prior, style)
                        .forEach(line -> screen.line(INDENT + line));
            }
        } else if (event instanceof SessionEvent.Stopped stopped) {
            screen.line(StopSummary.of(stopped, pings, style));
            goOn.after(stopped).ifPresent(screen::line);
        } else if (event instanceof SessionEvent.StateUpdated updated) {
            plan.follow(updated.state().plan(), style).forEach(screen::line);
        } else if (event instanceof SessionEvent.Warned warned) {
            screen.line(style.yellow("warning: " + warned.message()));
        }
    }

    private void modelResponded(SessionEvent.ModelResponded response) {
        // A model that does not stream (a recording) shows its text whole, once it has answered.
        if (!textShown && !response.message().text().isBlank()) {
            screen.text(response.message().text());
        }
        screen.endText();
        costSoFar += response.costUsd();
        String cold = coldRestart ? style.yellow(String.format("  cold restart: $%.4f", response.costUsd())) : "";
        screen.line(TokenLine.of(response, costSoFar, style) + cold);
        coldRestart = false;
    }

    private void toolCalled(ToolCall call) {
        calls.put(call.id(), call);
        if (call.name().equals("write_file")) {
            before.put(call.id(), call.textArgument("path").flatMap(files::read));
        }
        screen.line("  " + ToolCallLine.of(call, style));
        spinner.start(call.name().equals("run_command") ? "running" : call.name());
    }
}
