package dev.cachet.harness.cli;

import dev.cachet.context.Counted;
import dev.cachet.context.Durations;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.evals.replay.ReplayBatch;
import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.replay.ReplayTiming;
import dev.cachet.evals.replay.ReplayTurn;
import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.harness.InputException;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.PricedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Replay recorded agent sessions offline as if each context strategy had managed them: every turn the "
                    + "strategy renders its window from what the session held, the model's prompt cache bills it, "
                    + "and the real next action is checked for the paths, symbols and error strings it needed from "
                    + "earlier tool output (reference recall). No model is called; summaries are extractive.",
            "",
            "Reads SWE-agent .traj, mini-swe-agent, OpenHands, Claude Code and Codex CLI logs and cachet session "
                    + "logs, detected from their content. The transcript strategy is always replayed: the input cost "
                    + "ratio is against it.",
            "",
            "A log that names its model is billed as that model. Where a log records what every call was billed, "
                    + "token counts are fitted to that bill (what the log never held, such as the harness's system "
                    + "prompt and tools, rides as an unseen prefix in every window), the bill is a 'recorded' row "
                    + "that strategies are compared with, and the fidelity to it of the original harness's replay "
                    + "(its transcript, as it ran) is printed. Other traces are estimated. A call that several logs "
                    + "hold (a resumed session's log repeats the one it resumed) is billed once: in a log with a "
                    + "recorded bill for it before one without, and then in the one that holds the most calls.",
            "",
            "The strategies are billed at the cache lifetime cachet would have run them with: --cache-ttl, by "
                    + "default auto, where each request is written for 5 minutes or an hour as the rule in "
                    + "--cache-ttl's help chooses from the pauses its trace showed before it, and billed at that "
                    + "lifetime's price. The recorded bill stays as paid, and the fidelity check replays the "
                    + "transcript apart, as its harness ran: at the lifetime its log shows (Claude Code's 5-minute or "
                    + "1-hour writes, the one a cachet session ran with), else 5 minutes, at the recorded times."})
final class ReplayCommand extends Subcommand implements Callable<Integer>, CountsTokens {
    enum Format { table, json, md, html }

    @Mixin
    TraceInputs inputs;

    @Option(names = "--strategies", split = ",", paramLabel = "NAME",
            description = "Strategies to replay (see 'cachet strategies'). Default: all.")
    List<String> strategies;

    @Mixin
    ModelOptions model;

    @Mixin
    StrategyParamOption params;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
            description = "What to print: ${COMPLETION-CANDIDATES} (or markdown). Default: ${DEFAULT-VALUE}.")
    Format format;

    /** A format by its name, Markdown's by its own name too. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            if (value.equals("markdown")) {
                return Format.md;
            }
            return Arrays.stream(Format.values()).filter(format -> format.name().equals(value)).findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException("expected one of "
                            + Arrays.toString(Format.values()) + " or markdown but was '" + value + "'"));
        }
    }

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write replay.json, replay.md and replay.html (with charts) into DIR.")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", converter = AtLeastOneConverter.class, description = "Files replayed at once. Default: the number of cores.")
    Integer jobs;

    @Option(names = "--pause-at", paramLabel = "CALL=MINUTES", converter = {AtLeastOneConverter.class, PauseMinutesConverter.class},
            description = "What if the session had idled MINUTES longer before call CALL (1-based): that call and every "
                    + "later one move, and the cache expires where the pause passes its TTL (repeatable). Applies to "
                    + "the strategies, not to the recorded bill nor its fidelity check.")
    Map<Integer, Double> pauseAt = new LinkedHashMap<>();

    @Option(names = "--cache-keepalive", paramLabel = "N", defaultValue = "0", converter = ZeroOrMoreConverter.class,
            description = "Send up to N keep-alive pings per idle pause, one every 4.5 minutes, each re-reading the "
                    + "cached prefix for one output token; billed, so the replay shows when pinging pays. "
                    + "0 sends none. Default: ${DEFAULT-VALUE}.")
    int keepAlive;

    @Option(names = "--think-time", paramLabel = "DURATION", defaultValue = "20s",
            converter = ZeroOrMoreDurationConverter.class,
            description = "Where a log does not say when each call was made (a SWE-agent trajectory, for one), "
                    + "the time from one call to the next, which decides whether the cache expired between "
                    + "them; it applies to the recorded bill and to every strategy alike. 0 has the calls follow "
                    + "one another at once. Default: ${DEFAULT-VALUE}.")
    Duration thinkTime;

    @Option(names = "--perfect-cache", description = "Replay the strategies under a provider cache that misses only "
            + "for the reasons a simulator knows (TTL, compaction, changed prefix, minimum length, lookback). By "
            + "default, where a recorded bill read less than its provider had cached seconds before for none of "
            + "those reasons (a 'provider' miss: another of the provider's machines, an eviction), every strategy's "
            + "call there is served at most what the recorded call read, as the same provider would have served it. "
            + "The fidelity check meets the provider's misses either way.")
    boolean perfectCache;

    @Override
    public Integer call() throws IOException {
        if (out != null) {
            OutputDirectory.requireWritable("--out", out, ReplayOutput.fileNames());
        }
        if (model.baseUrl != null) {
            throw new UsageException("--base-url: replay bills offline and calls no provider");
        }
        onePausePerCall();
        ReplayTiming timing = timing();
        List<ConfiguredStrategy> chosen = strategies();
        // The strategies at the lifetime cachet would have run with (auto, unless named); the recorded bill as paid.
        PricedModel priced = harness().priced(model.spec());
        TraceFiles.Found found = inputs.find(root.userLogs(), err());
        PrintWriter err = err();
        ProgressLine progress = ProgressLine.on(err);
        ReplayBatch batch = new ReplayBatch(harness().counter(), harness().traceBilling(priced), chosen,
                TraceNames.reader(found.files(), found::format), timing);
        ReplayBatch.Outcome outcome = batch.run(found.files(), jobs != null ? jobs : Runtime.getRuntime().availableProcessors(),
                p -> progress.show(p.done(), p.total(), p.file().getFileName().toString()));
        progress.finish();
        List<String> failures = new ArrayList<>(found.unlisted());
        failures.addAll(outcome.failures());
        failures.forEach(failure -> err.println("skipped " + failure));
        if (!outcome.withoutCalls().isEmpty()) {
            err.println(Counted.of(outcome.withoutCalls().size(), "log") + " without a model call yet (a session"
                    + " opened and left, or one that failed before its first answer): nothing in "
                    + (outcome.withoutCalls().size() == 1 ? "it" : "them") + " to replay");
        }
        outcome.shared().forEach(err::println);
        outcome.notes().forEach(err::println);
        if (outcome.runs().isEmpty() && failures.isEmpty() && !outcome.withoutCalls().isEmpty()) {
            if (out != null) {
                err.println("nothing to report: nothing written in " + out);
            }
            return ExitCodes.OK;
        }
        if (outcome.runs().isEmpty()) {
            throw new InputException("no trajectory could be replayed; nothing reported" + (out != null ? " in " + out : ""));
        }
        // A pause past every trace's last call moves nothing: said, so that a what-if that changed nothing is not
        // read as one whose pause cost nothing.
        // A trace that shares calls with another keeps its own, numbered as in the whole trace.
        int longest = outcome.runs().stream().flatMap(run -> run.turns().stream()).mapToInt(ReplayTurn::turn).max()
                .orElse(0);
        pauseAt.keySet().stream().filter(call -> call > longest).forEach(call -> err.println("--pause-at " + call
                + ": no trace has that many calls (the longest has " + longest + "); that pause changed nothing"));
        ReplayReport report = ReplayReport.of(outcome.runs());
        CacheLifetime ttl = priced.spec().cacheTtl();
        String terms = ", every strategy at " + switch (ttl) {
            case FIVE_MINUTES -> "a 5-minute cache";
            case ONE_HOUR -> "a 1-hour cache";
            case AUTO -> "each request's own cache lifetime";
        } + " (--cache-ttl " + ttl + "; recorded bills as paid, fidelity at each log's own lifetime), calls "
                + Durations.format(thinkTime) + " apart where a log gives no times (--think-time)"
                + (outcome.shared().isEmpty() ? "" : ", each call billed once where logs repeat others' calls ("
                        + outcome.shared().size() + (outcome.shared().size() == 1 ? " trace" : " traces")
                        + ", named on stderr)");
        ReplaySettings settings = ReplaySettings.of(priced.spec().toString(), ttl.toString(), thinkTime, pauseAt,
                keepAlive, perfectCache, chosen);
        ReplayOutput output = new ReplayOutput(settings, terms + settings.whatIfs(params.params), outcome.runs(),
                report);
        out().print(output.render(format));
        out().flush();
        if (out != null) {
            try {
                output.writeAll(out);
            } catch (UncheckedIOException e) {
                throw new UncheckedIOException("cannot write reports into " + out, e.getCause());
            }
            err.println("reports written to " + out);
        }
        return failures.isEmpty() ? ExitCodes.OK : ExitCodes.INPUT;
    }

    /** Two pauses before one call would leave one of them unheard (the map keeps the last): refused, not guessed. */
    private void onePausePerCall() {
        OptionSpec option = spec.commandLine().getParseResult().matchedOption("--pause-at");
        if (option == null) {
            return;
        }
        Set<Integer> calls = new HashSet<>();
        for (String pause : option.originalStringValues()) {
            // The call's number as the option's own converter read it.
            int call = new AtLeastOneConverter().convert(pause.substring(0, pause.indexOf('=')));
            if (!calls.add(call)) {
                throw new UsageException("--pause-at " + call + " is given twice; give each call one pause (their "
                        + "minutes added up)");
            }
        }
    }

    private ReplayTiming timing() {
        Map<Integer, Duration> pauses = new LinkedHashMap<>();
        pauseAt.forEach((call, minutes) -> pauses.put(call, Duration.ofMillis(Math.round(minutes * 60_000))));
        ReplayTiming timing = new ReplayTiming(pauses, keepAlive).withThinkTime(thinkTime);
        return perfectCache ? timing.withPerfectProviderCache() : timing;
    }

    /** The strategies asked for, transcript first when it was not, each with config and -P parameters. */
    private List<ConfiguredStrategy> strategies() {
        Set<String> names = new LinkedHashSet<>();
        names.add(TranscriptStrategy.NAME);
        if (strategies == null) {
            Strategies.all().forEach(info -> names.add(info.name()));
        } else {
            strategies.forEach(name -> names.add(name.strip()));
        }
        return names.stream().map(name -> harness().strategy(name, params.paramsFor(name, names, config()))).toList();
    }
}
