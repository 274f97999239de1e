package dev.cachet.harness.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cachet.context.Json;
import dev.cachet.evals.report.StatsTables;
import dev.cachet.evals.report.TextTable;
import dev.cachet.evals.stats.Calls;
import dev.cachet.evals.stats.SessionStats;
import dev.cachet.evals.stats.SessionStatsCalculator;
import dev.cachet.evals.stats.UnpricedModels;
import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.evals.trace.TraceSummaries;
import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.harness.stats.SummaryCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "What recorded sessions cost and where the tokens went, from the usage their provider billed: tokens "
                    + "by kind, cost, cache hit rate (cache reads / all input), tokens per turn, burn rate per hour, "
                    + "context growth (mean input of the last 5 turns over the first 5), tool-schema share where "
                    + "the log records the schemas, and flags for the usual leaks: "
                    + "low cache hit rate (< 50%%), runaway context (> 3x and > 50k tokens), oversized tool results "
                    + "(> 10k tokens).",
            "",
            "Reads Claude Code, Codex CLI, mini-swe-agent, OpenHands and cachet logs (any format 'cachet replay' "
                    + "reads; those without recorded usage are listed and skipped). Costs use the price table "
                    + "(~/.config/cachet/prices.yaml adds models)."})
final class StatsCommand extends Subcommand implements Callable<Integer> {
    enum Format { table, json }

    @Mixin
    TraceInputs inputs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "What to print: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Files read at once. Default: the number of processors (${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-cache",
            description = "Read every file whole, neither using nor updating the summaries kept in "
                    + "$XDG_CACHE_HOME/cachet/stats (by path, size and time; a grown file is read from where it was left).")
    boolean noCache;

    /** Every session with usage, and totals; the JSON form of {@code --format json}. */
    record Report(List<SessionStats> sessions, Totals total) {}

    record Totals(int sessions, int turns, int calls, long inputTokens, long uncachedInputTokens, long cacheWriteTokens,
            long cacheWrite1hTokens, long cacheReadTokens, long outputTokens, double costUsd, double cacheHitRate, int flaggedSessions) {}

    @Override
    public Integer call() throws IOException {
        if (jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + jobs);
        }
        TraceFiles.Found found = inputs.find(root.userLogs());
        PrintWriter err = err();
        SessionStatsCalculator calculator = new SessionStatsCalculator(harness().counter().fresh(), harness().prices()::price);
        // A session's parts may lie in several files (a sub-agent's transcript beside its parent's): all are read
        // before any session is added up.
        StatsSource.Loaded loaded = new StatsSource(new TraceSummaries(harness().counter().fresh()),
                noCache ? Optional.empty() : Optional.of(new SummaryCache(root.dirs().cache().resolve("stats"))))
                .load(found.files(), jobs, ProgressLine.on(err));
        List<String> failures = new ArrayList<>(loaded.failures());
        List<SessionStats> sessions = new ArrayList<>();
        Calls calls = new Calls();
        for (List<TraceSummary> parts : loaded.sessions()) {
            calculator.ofSummaries(parts, calls).ifPresentOrElse(sessions::add,
                    () -> failures.add(parts.get(0).id() + ": no usage recorded"));
        }
        failures.forEach(failure -> err.println("skipped " + failure));
        UnpricedModels.of(sessions).forEach(err::println);
        Report report = new Report(sessions, totals(sessions));
        if (format == Format.json) {
            out().println(Json.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            out().print(table(report));
        }
        out().flush();
        return failures.stream().anyMatch(f -> !f.endsWith("no usage recorded")) ? ExitCodes.INPUT : ExitCodes.OK;
    }

    private static Totals totals(List<SessionStats> sessions) {
        var usage = sessions.stream().map(SessionStats::usage).reduce(dev.cachet.providers.Usage.ZERO,
                dev.cachet.providers.Usage::plus);
        double cost = sessions.stream().map(SessionStats::costUsd).filter(c -> c != null).mapToDouble(c -> c).sum();
        return new Totals(sessions.size(), sessions.stream().mapToInt(SessionStats::turns).sum(),
                sessions.stream().mapToInt(SessionStats::calls).sum(), usage.input(),
                usage.uncachedInput(), usage.cacheWrite(), usage.cacheWrite1h(), usage.cacheRead(), usage.output(), cost,
                usage.input() == 0 ? 0 : (double) usage.cacheRead() / usage.input(),
                (int) sessions.stream().filter(s -> !s.leaks().isEmpty()).count());
    }

    private static String table(Report report) {
        Totals t = report.total();
        return TextTable.render(StatsTables.sessions(report.sessions()))
                + String.format(Locale.ROOT, "%ntotal: %d sessions, %d turns, %d calls, %,d input tokens (%,d uncached, %,d "
                        + "cache write, %,d cache read), %,d output, $%.2f priced, cache hit %.1f%%, %d flagged%n",
                t.sessions(), t.turns(), t.calls(), t.inputTokens(), t.uncachedInputTokens(), t.cacheWriteTokens(),
                t.cacheReadTokens(), t.outputTokens(), t.costUsd(), 100 * t.cacheHitRate(), t.flaggedSessions());
    }
}
