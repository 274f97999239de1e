package dev.cachet.harness.cli;

import dev.cachet.context.message.ToolCall;
import dev.cachet.providers.session.Limits;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.session.SessionLogs;
import dev.cachet.providers.Usage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints a session as it runs: where its log is, one line per turn, and a cost summary at the end, with what to type
 * to go on when it stopped before it was done. The first request after a resume is marked as the cold restart it is.
 */
final class LiveReporter implements SessionListener {
    private final PrintWriter out;
    private final SessionLogs logs;
    private final Optional<ResumeHint> hint;
    private String sessionId = "";
    private Limits limits = Limits.DEFAULT;
    private double costSoFar;
    private boolean coldRestart;

    /**
     * @param logs where session logs are written, to say where this session's is
     * @param hint how to tell the user to resume; empty where a session cannot be resumed, as the demo's
     */
    LiveReporter(PrintWriter out, SessionLogs logs, Optional<ResumeHint> hint) {
        this.out = out;
        this.logs = logs;
        this.hint = hint;
    }

    /** A reporter that says how to resume a session of this workspace ({@code -w} as the user gave it). */
    static LiveReporter resumable(PrintWriter out, SessionLogs logs, Path workspace) {
        String flags = workspace.equals(Path.of(".")) ? "" : " -w " + workspace;
        return new LiveReporter(out, logs, Optional.of(new ResumeHint(flags)));
    }

    @Override
    public void on(SessionEvent event) {
        if (event instanceof SessionEvent.Started started) {
            sessionId = started.sessionId();
            limits = started.limits();
            out.printf("session %s  model %s  strategy %s%n  log %s%n", started.sessionId(), started.model(),
                    started.strategy(), logs.pathFor(Path.of(started.workspace()), started.sessionId()));
        } else if (event instanceof SessionEvent.Resumed resumed) {
            sessionId = resumed.sessionId();
            limits = resumed.limits();
            costSoFar = resumed.costUsd();
            coldRestart = true;
            out.printf("resumed session %s after turn %d ($%.4f so far)  model %s  strategy %s%n", resumed.sessionId(),
                    resumed.turn(), resumed.costUsd(), resumed.model(), resumed.strategy());
        } else if (event instanceof SessionEvent.Compacted compacted) {
            out.println(compactionLine(compacted));
        } else if (event instanceof SessionEvent.ModelResponded response) {
            costSoFar += response.costUsd();
            out.println(turnLine(response, costSoFar) + (coldRestart ? coldRestartNote(response) : ""));
            coldRestart = false;
        } else if (event instanceof SessionEvent.Stopped stopped) {
            out.print(summary(stopped));
            hint.flatMap(h -> h.after(stopped, sessionId, limits)).ifPresent(command -> out.println("to go on: " + command));
        } else if (event instanceof SessionEvent.Warned warned) {
            out.println("warning: " + warned.message());
        }
        out.flush();
    }

    // The provider's cache holds nothing of a resumed session, so its first request is written, not read.
    private static String coldRestartNote(SessionEvent.ModelResponded response) {
        return String.format("  cold restart: $%.4f", response.costUsd());
    }

    static String turnLine(SessionEvent.ModelResponded response, double costSoFar) {
        String tools = response.message().toolCalls().isEmpty()
                ? "(answer)"
                : response.message().toolCalls().stream().map(ToolCall::name).collect(Collectors.joining(","));
        Usage u = response.usage();
        if (u == null) {
            return String.format("turn %3d  %-14s usage unknown: the provider sent none  $%.4f so far", response.turn(),
                    tools, costSoFar);
        }
        double toolShare = u.input() == 0 ? 0 : 100.0 * response.toolSchemaTokens() / u.input();
        return String.format("turn %3d  %-14s in %,8d (cached %,d / written %,d / uncached %,d, tools %.0f%%)  out %,6d  $%.4f",
                response.turn(), tools, u.input(), u.cacheRead(), u.cacheWrite(), u.uncachedInput(), toolShare, u.output(),
                costSoFar);
    }

    static String compactionLine(SessionEvent.Compacted compacted) {
        var c = compacted.compaction();
        return String.format("          %s: window -%,d tokens; cache kept %,d, rewrites %,d", c.kind(), c.removedTokens(),
                c.keptTokens(), c.rewrittenTokens());
    }

    static String summary(SessionEvent.Stopped stopped) {
        Usage u = stopped.usage();
        double hitRate = u.input() == 0 ? 0 : 100.0 * u.cacheRead() / u.input();
        return String.format("stopped: %s: %s (%d turns)%n"
                        + "tokens:  input %,d (cache read %,d, cache write %,d, uncached %,d), output %,d%n"
                        + "cost:    $%.4f, cache hit rate %.1f%%%n",
                stopped.reason().label(), stopped.detail(), stopped.turn(),
                u.input(), u.cacheRead(), u.cacheWrite(), u.uncachedInput(), u.output(), stopped.costUsd(), hitRate);
    }
}
