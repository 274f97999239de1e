package dev.cachet.harness.cli;

import dev.cachet.context.message.ToolCall;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.session.SessionLog;
import dev.cachet.providers.Usage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Prints a session as it runs: where its log is, one line per turn, and a cost summary at the end. */
final class LiveReporter implements SessionListener {
    private final PrintWriter out;
    private double costSoFar;

    LiveReporter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void on(SessionEvent event) {
        if (event instanceof SessionEvent.Started started) {
            out.printf("session %s  model %s  strategy %s%n  log %s%n", started.sessionId(), started.model(),
                    started.strategy(), SessionLog.pathFor(Path.of(started.workspace()), started.sessionId()));
        } else if (event instanceof SessionEvent.Compacted compacted) {
            out.println(compactionLine(compacted));
        } else if (event instanceof SessionEvent.ModelResponded response) {
            costSoFar += response.costUsd();
            out.println(turnLine(response, costSoFar));
        } else if (event instanceof SessionEvent.Stopped stopped) {
            out.print(summary(stopped));
        } else if (event instanceof SessionEvent.Warned warned) {
            out.println("warning: " + warned.message());
        }
        out.flush();
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
