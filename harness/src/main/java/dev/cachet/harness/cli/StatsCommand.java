package dev.cachet.harness.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cachet.context.Counted;
import dev.cachet.context.Json;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.evals.replay.BilledOnce;
import dev.cachet.evals.replay.CounterfactualReplay;
import dev.cachet.evals.replay.TraceBilling;
import dev.cachet.evals.report.StatsTables;
import dev.cachet.evals.report.TextTable;
import dev.cachet.evals.report.UsageHtmlReport;
import dev.cachet.evals.report.UsageTables;
import dev.cachet.evals.stats.Call;
import dev.cachet.evals.stats.CallList;
import dev.cachet.evals.stats.CallPricer;
import dev.cachet.evals.stats.Calls;
import dev.cachet.evals.stats.ModelUsage;
import dev.cachet.evals.stats.SessionStats;
import dev.cachet.evals.stats.SessionStatsCalculator;
import dev.cachet.evals.stats.UnpricedModels;
import dev.cachet.evals.stats.report.Block;
import dev.cachet.evals.stats.report.Blocks;
import dev.cachet.evals.stats.report.DateRange;
import dev.cachet.evals.stats.report.Period;
import dev.cachet.evals.stats.report.PeriodReport;
import dev.cachet.evals.stats.report.PeriodTotals;
import dev.cachet.evals.stats.report.WhatIf;
import dev.cachet.evals.trace.JsonFiles;
import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.evals.trace.TraceFormat;
import dev.cachet.evals.trace.TraceSummaries;
import dev.cachet.evals.trace.TraceSummary;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.harness.Harness;
import dev.cachet.harness.InputException;
import dev.cachet.harness.stats.SummaryCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "What recorded sessions cost and where the tokens went, from the usage their provider billed: tokens "
                    + "by kind, cost, cache hit rate (cache reads / all input), tokens per turn, burn rate per hour, "
                    + "context growth (mean input of the last 5 turns over the first 5), tool-schema share where "
                    + "the log records the schemas, and flags for the usual leaks: "
                    + "low cache hit rate (< 50%%), runaway context (> 3x and > 50k tokens), oversized tool results "
                    + "(> 10k tokens), cache rewrites after a pause past the cache's TTL, and large prefixes (> 10k tokens) "
                    + "re-sent uncached; each flag with how often it happened and what it cost.",
            "",
            "Reads Claude Code, Codex CLI, mini-swe-agent, OpenHands and cachet logs (any format 'cachet replay' "
                    + "reads; those without recorded usage are listed and skipped). Costs use the price table "
                    + "(~/.config/cachet/prices.yaml adds models); a cost marked + leaves out calls: of a model "
                    + "without a price, or whose log holds no bill.",
            "",
            "The first PATH may name a view instead: session (the default: one row per session), daily, weekly, "
                    + "monthly (calls added up by the day, week or month they were made in), or blocks (Anthropic's "
                    + "5-hour billing windows, the active one with its burn rate and what it reaches by its end at "
                    + "that rate)."})
final class StatsCommand extends Subcommand implements Callable<Integer> {
    enum Format { table, json, html }

    /** What the report adds calls up by. */
    enum View {
        session, daily, weekly, monthly, blocks;

        /** The view a first PATH names, unless a file of that name is there to read. */
        static Optional<View> named(List<Path> paths) {
            if (paths.isEmpty() || Files.exists(paths.get(0))) {
                return Optional.empty();
            }
            return Arrays.stream(values()).filter(view -> view.name().equals(paths.get(0).toString())).findFirst();
        }

        /** A first PATH that is no file and looks like a word, not a path: a view's name mistyped. */
        static Optional<String> misspelt(List<Path> paths) {
            return paths.isEmpty() || Files.exists(paths.get(0)) ? Optional.empty()
                    : Optional.of(paths.get(0).toString()).filter(first -> first.matches("[a-z]+"));
        }
    }

    @Mixin
    TraceInputs inputs;

    @Mixin
    StatsFilter filter;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "What to print: ${COMPLETION-CANDIDATES} (one self-contained page with the daily cost by "
                    + "model, the cache hit rate by day and the context growth of the largest sessions). "
                    + "Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--json", description = "The same as --format json.")
    boolean json;

    @Option(names = "--breakdown", description = "A row per model under each day, week or month.")
    boolean breakdown;

    @Option(names = "--what-if", paramLabel = "STRATEGY",
            description = "Replay each session as if STRATEGY (see 'cachet strategies') had managed its context, and "
                    + "add its cost and the saving against the recorded bill (sessions without one show '-'). "
                    + "Reads every log whole: slower than the report alone.")
    String whatIf;

    @Option(names = "--jobs", paramLabel = "N", converter = AtLeastOneConverter.class,
            description = "Files read at once. Default: the number of processors (${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-cache",
            description = "Read every file whole, neither using nor updating the summaries kept in "
                    + "$XDG_CACHE_HOME/cachet/stats (by path, size and time; a grown file is read from where it was left, "
                    + "so a log edited and then grown needs this once).")
    boolean noCache;

    /** Every session with usage, and totals; the JSON form of {@code --format json}. */
    record Report(List<SessionStats> sessions, Totals total,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WhatIf> whatIf) {}

    record Totals(int sessions, int turns, int calls, long inputTokens, long uncachedInputTokens, long cacheWriteTokens,
            @JsonProperty("cache_write_1h_tokens") long cacheWrite1hTokens, long cacheReadTokens, long outputTokens,
            double costUsd, double cacheHitRate, int flaggedSessions, int pings, double pingCostUsd) {}

    /** The JSON of the blocks view. */
    record BlockReport(List<Block> blocks) {}

    @Override
    public Integer call() throws IOException {
        Optional<View> named = View.named(inputs.paths);
        named.ifPresent(view -> inputs.paths.remove(0));
        View.misspelt(inputs.paths).ifPresent(word -> {
            throw new InputException("no such file or directory: " + word + " (a view is one of "
                    + Arrays.stream(View.values()).map(View::name).collect(Collectors.joining(", ")) + ")");
        });
        View view = named.orElse(View.session);
        filter.check();
        if (json && given("--format") && format != Format.json) {
            throw new UsageException("--json and --format " + format + " ask for two formats; give one");
        }
        Format chosen = json ? Format.json : format;
        // An option the report asked for would not show is refused, not left unheard.
        if (whatIf != null && (view != View.session || chosen == Format.html)) {
            throw new UsageException("--what-if adds its columns to the session view (the default) in a table or JSON"
                    + "; " + (view != View.session ? "the " + view + " view" : "--format html") + " has none");
        }
        if (breakdown && (view == View.session || view == View.blocks || chosen == Format.html)) {
            throw new UsageException("--breakdown splits the daily, weekly and monthly views' rows by model; "
                    + (chosen == Format.html ? "the page shows the daily cost by model" : "the " + view
                            + " view has a row per " + (view == View.session ? "session" : "block")));
        }
        // The harness (configuration, price tables) needs none of the logs: it is built while they are found.
        CompletableFuture<Harness> harnessReady = CompletableFuture.supplyAsync(this::harness);
        // Looked up as the logs are found: a log the cache holds as it is is not opened, not even for its format.
        Optional<SummaryLookups> cache = noCache ? Optional.empty()
                : Optional.of(new SummaryLookups(new SummaryCache(root.dirs().cache().resolve("stats"))));
        TraceFiles.Found found = inputs.find(root.userLogs(), err(), file -> cache.flatMap(c -> c.format(file)));
        List<Path> files = found.files().stream().filter(filter::inProject).toList();
        if (files.isEmpty()) {
            throw new InputException("--project " + filter.project + ": none of the " + found.files().size()
                    + " logs found lies in a directory of that project");
        }
        PrintWriter err = err();
        Harness harness = ready(harnessReady);
        SessionStatsCalculator calculator = new SessionStatsCalculator(harness.counter().fresh(), harness.prices()::price);
        // A session's parts may lie in several files (a sub-agent's transcript beside its parent's): all are read
        // before any session is added up.
        Optional<ConfiguredStrategy> strategy = Optional.ofNullable(whatIf).map(name -> harness.strategy(name, Map.of()));
        // A report by period or block prints no session: of each it needs only what its models billed, not the
        // leaks, agents and growth that take most of adding a session up, nor the tool results' sizes, whose
        // tokenizing takes most of reading a log.
        boolean perSession = view == View.session || chosen == Format.html || strategy.isPresent();
        TraceSummaries reader = new TraceSummaries(harness.counter().fresh());
        reader = noCache ? reader.withoutResume() : reader;
        StatsSource.Loaded loaded = new StatsSource(perSession ? reader : reader.withoutResultSizes(), cache)
                .load(files, found::format, jobs, ProgressLine.on(err));
        List<String> failures = new ArrayList<>(found.unlisted());
        failures.addAll(loaded.failures());
        Map<String, List<Trajectory>> whole = strategy.isPresent() ? trajectories(files, found::format, failures)
                : Map.of();
        DateRange range = filter.range();
        List<SessionStats> sessions = new ArrayList<>();
        List<ModelUsage> billedModels = new ArrayList<>();
        CallPricer pricer = new CallPricer(harness.prices()::price);
        // A report by period adds each session's calls up as it reaches them; only the views that go through the
        // calls again (blocks, by time; the page, by session) keep them, as their places in the summaries.
        Optional<PeriodTotals> periods = period(view, chosen).map(p -> new PeriodTotals(p, filter.zone(), pricer));
        boolean keepCalls = view == View.blocks || chosen == Format.html;
        // Sized ahead, for every turn read (the most ids there can be) and, where kept, every call: neither is copied
        // into a larger array as it fills, each copy left behind taking as much memory until the run ends.
        List<TraceSummary> read = loaded.sessions().stream().flatMap(List::stream).toList();
        int turns = read.stream().mapToInt(part -> part.turns().size()).sum();
        int sideCalls = read.stream().mapToInt(part -> part.sideCalls().size()).sum();
        CallList counted = new CallList(keepCalls ? turns + sideCalls : 0);
        Map<String, WhatIf> whatIfs = new LinkedHashMap<>();
        Set<String> lentPrices = new TreeSet<>();
        Calls calls = new Calls(turns);
        for (List<TraceSummary> parts : loaded.sessions()) {
            if (!filter.fromSource(parts.get(0).format())) {
                continue;
            }
            CallList all = calls.of(parts);
            // Filtering makes every call to test it: without --since or --until all are kept.
            CallList kept = range.unbounded() ? all : all.filter(call -> range.contains(call.at()));
            if (kept.isEmpty()) {
                continue;
            }
            Optional<SessionStats> stats = perSession ? calculator.ofSummaries(parts, kept) : Optional.empty();
            Optional<List<ModelUsage>> models = perSession ? stats.map(SessionStats::models) : calculator.models(kept);
            if (models.isEmpty()) {
                // Skipped in every view: its calls are in no period either.
                failures.add(parts.get(0).id() + ": no usage recorded");
                continue;
            }
            billedModels.addAll(models.get());
            periods.ifPresent(totals -> totals.add(kept));
            if (keepCalls) {
                counted.addAll(kept);
            }
            stats.ifPresent(sessions::add);
            strategy.ifPresent(asked -> stats.flatMap(s -> whatIf(s.session(),
                            whole.getOrDefault(sessionKey(parts.get(0).format(), parts.get(0).session()), List.of()),
                            kept, asked, lentPrices))
                    .ifPresent(w -> whatIfs.put(w.session(), w)));
        }
        failures.forEach(failure -> err.println("skipped " + failure));
        if (loaded.sessions().isEmpty() && !failures.isEmpty()) {
            // Every log failed to read: an empty report would pass for logs that hold nothing.
            throw new InputException("no session log could be read; nothing reported");
        }
        UnpricedModels.of(billedModels).forEach(err::println);
        lentPrices.forEach(err::println);
        out().print(render(view, chosen, sessions, periods.map(PeriodTotals::report), counted, pricer, whatIfs));
        out().flush();
        return failures.stream().anyMatch(f -> !f.endsWith("no usage recorded")) ? ExitCodes.INPUT : ExitCodes.OK;
    }

    /**
     * The replay of a session's parts under {@code strategy}, billing the calls its row counts and no others, each in
     * the first part that holds it: a call several logs hold is counted, and billed, where it was met first, and with
     * --since or --until only the calls of those days are (the session is replayed whole, its earlier calls its
     * history). Calls are taken by place, since some logs name none. {@code lentPrices} gets a line for each model
     * without a price that the replay bills at another's.
     */
    private Optional<WhatIf> whatIf(String session, List<Trajectory> parts, CallList counted,
            ConfiguredStrategy strategy, Set<String> lentPrices) {
        // Each trajectory billed as 'cachet replay' bills it by default.
        TraceBilling billing = harness().traceBilling(harness().priced(ModelOptions.defaults()));
        // A model without a price has no cost in the row: the what-if lends it another's, and says so.
        parts.forEach(part -> billing.pricedAsAnother(part).forEach((model, as) -> lentPrices.add("model " + model
                + " has no price; --what-if bills it, and the bill it is set against, at " + as + "'s")));
        Map<String, BitSet> turns = new HashMap<>();
        Map<String, BitSet> sideCalls = new HashMap<>();
        for (int i = 0; i < counted.size(); i++) {
            boolean turn = counted.turn(i) >= 0;
            (turn ? turns : sideCalls).computeIfAbsent(counted.trace(i), trace -> new BitSet())
                    .set(turn ? counted.turn(i) : counted.sideCall(i));
        }
        return WhatIf.of(session, parts, strategy, new CounterfactualReplay(harness().counter().fresh(), billing),
                BilledOnce.where(parts, counted(turns), counted(sideCalls)));
    }

    private static BilledOnce.BilledAt counted(Map<String, BitSet> calls) {
        return (trace, call) -> calls.containsKey(trace) && calls.get(trace).get(call);
    }

    /**
     * Every session's parts read whole, in the format each was found in, for the replay of --what-if. A file that
     * cannot be read is added to {@code failures}, unless its summary's failure named it already: one the cache
     * summarised before it became unreadable has no what-if, and must say so.
     */
    private Map<String, List<Trajectory>> trajectories(List<Path> files, Function<Path, TraceFormat> formats,
            List<String> failures) {
        Map<String, List<Trajectory>> bySession = new LinkedHashMap<>();
        Function<Path, List<Trajectory>> reader = TraceNames.reader(files, formats);
        for (Path file : files) {
            try {
                // A line left out was said with the file's summary.
                for (Trajectory trajectory : JsonFiles.leavingOutCutLines(() -> reader.apply(file)).value()) {
                    bySession.computeIfAbsent(sessionKey(trajectory.format(), trajectory.session()),
                            s -> new ArrayList<>()).add(trajectory);
                }
            } catch (RuntimeException e) {
                if (failures.stream().noneMatch(failure -> failure.contains(file.toString()))) {
                    failures.add(file + ": no what-if: " + e.getMessage());
                }
            }
        }
        return bySession;
    }

    private static String sessionKey(String format, String session) {
        return format + " " + session;
    }

    /** The periods a report adds its calls up by: its view's, or the days of the page; none for blocks or sessions. */
    private static Optional<Period> period(View view, Format format) {
        return switch (format == Format.html ? View.daily : view) {
            case daily -> Optional.of(Period.DAILY);
            case weekly -> Optional.of(Period.WEEKLY);
            case monthly -> Optional.of(Period.MONTHLY);
            case session, blocks -> Optional.empty();
        };
    }

    private String render(View view, Format format, List<SessionStats> sessions, Optional<PeriodReport> periods,
            List<Call> calls, CallPricer pricer, Map<String, WhatIf> whatIfs) throws IOException {
        if (format == Format.html) {
            return UsageHtmlReport.render(periods.orElseThrow(), calls, sessions);
        }
        Object report;
        String table;
        switch (view) {
            case daily, weekly, monthly -> {
                PeriodReport byPeriod = periods.orElseThrow();
                report = byPeriod;
                table = TextTable.render(UsageTables.periods(byPeriod, breakdown))
                        + (byPeriod.undatedCalls() == 0 ? "" : Counted.of(byPeriod.undatedCalls(), "call")
                                + (byPeriod.undatedCalls() == 1 ? " is" : " are") + " in no period: "
                                + (byPeriod.undatedCalls() == 1 ? "its log gives" : "their logs give")
                                + " no time, or one without its zone\n");
            }
            case blocks -> {
                Instant now = clock().instant();
                List<Block> blocks = Blocks.of(calls, now, pricer);
                report = new BlockReport(blocks);
                table = TextTable.render(UsageTables.blocks(blocks, now, filter.zone()));
            }
            default -> {
                report = new Report(sessions, totals(sessions), List.copyOf(whatIfs.values()));
                table = table((Report) report, whatIfs);
            }
        }
        return format == Format.json
                ? Json.mapper().writer(SerializationFeature.INDENT_OUTPUT)
                        .without(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(report) + "\n"
                : table;
    }

    private static Totals totals(List<SessionStats> sessions) {
        var usage = sessions.stream().map(SessionStats::usage).reduce(dev.cachet.providers.Usage.ZERO,
                dev.cachet.providers.Usage::plus);
        double cost = sessions.stream().map(SessionStats::costUsd).filter(c -> c != null).mapToDouble(c -> c).sum();
        return new Totals(sessions.size(), sessions.stream().mapToInt(SessionStats::turns).sum(),
                sessions.stream().mapToInt(SessionStats::calls).sum(), usage.input(),
                usage.uncachedInput(), usage.cacheWrite(), usage.cacheWrite1h(), usage.cacheRead(), usage.output(), cost,
                usage.input() == 0 ? 0 : (double) usage.cacheRead() / usage.input(),
                (int) sessions.stream().filter(s -> !s.leaks().isEmpty()).count(),
                sessions.stream().mapToInt(SessionStats::pings).sum(),
                sessions.stream().map(SessionStats::pingCostUsd).filter(c -> c != null).mapToDouble(c -> c).sum());
    }

    private static String table(Report report, Map<String, WhatIf> whatIfs) {
        Totals t = report.total();
        return TextTable.render(StatsTables.sessions(report.sessions(), whatIfs))
                + String.format(Locale.ROOT, "%ntotal: %s, %s, %s%s, %,d input tokens (%,d uncached, %,d "
                        + "cache write, %,d cache read), %,d output, $%.2f%s priced, cache hit %.1f%%, %d flagged%n",
                Counted.of(t.sessions(), "session"), Counted.of(t.turns(), "turn"), Counted.of(t.calls(), "call"),
                // A ping costs a fraction of a cent: to the hundredth of one, as the live session shows them.
                t.pings() == 0 ? "" : String.format(Locale.ROOT, " of which %s ($%.4f)", Counted.of(t.pings(), "ping"),
                        t.pingCostUsd()),
                t.inputTokens(), t.uncachedInputTokens(), t.cacheWriteTokens(),
                t.cacheReadTokens(), t.outputTokens(), t.costUsd(),
                // As the rows mark a cost that leaves out calls: of an unpriced model, or without a bill.
                report.sessions().stream().allMatch(SessionStats::complete) ? "" : "+",
                100 * t.cacheHitRate(), t.flaggedSessions());
    }

    /** The harness built ahead; one that could not be built (a bad configuration file) fails as it would have here. */
    private static Harness ready(CompletableFuture<Harness> harness) {
        try {
            return harness.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
