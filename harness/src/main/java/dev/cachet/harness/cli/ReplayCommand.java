package dev.cachet.harness.cli;

import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.evals.replay.PricedModel;
import dev.cachet.evals.replay.ReplayBatch;
import dev.cachet.evals.replay.ReplayReport;
import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.harness.Harness;
import dev.cachet.harness.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Replay recorded agent sessions offline as if each context strategy had managed them: every turn the "
                    + "strategy renders its window from what the session held, the model's prompt cache bills it, "
                    + "and the real next action is checked for the paths, symbols and error strings it needed from "
                    + "earlier tool output (reference recall). No model is called; summaries are extractive.",
            "",
            "Reads SWE-agent .traj, mini-swe-agent, OpenHands, Claude Code and Codex CLI logs and cachet session "
                    + "logs, detected from their content. The transcript strategy is always replayed: the cost "
                    + "ratio is against it."})
final class ReplayCommand extends Subcommand implements Callable<Integer> {
    enum Format { table, json, md, html }

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Trajectory files, or directories to search for them. Default: your Claude Code "
                    + "(~/.claude/projects) and Codex (~/.codex/sessions) logs.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--strategies", split = ",", paramLabel = "NAME",
            description = "Strategies to replay (see 'cachet strategies'). Default: all.")
    List<String> strategies;

    @Option(names = "--model", paramLabel = "PROVIDER:NAME", defaultValue = "anthropic:" + Harness.REPLAY_PRICED_AS,
            description = "Price and prompt cache to bill as. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = {"-P", "--param"}, paramLabel = "STRATEGY.NAME=N",
            description = "A strategy parameter, e.g. -P hybrid.horizon=50 (repeatable; over .cachet.yaml's).")
    Map<String, Integer> params = new HashMap<>();

    @Option(names = "--cache-ttl", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "Cache lifetime to bill with: 5m or 1h. Default: ${DEFAULT-VALUE}.")
    Duration cacheTtl;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "What to print: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write replay.json, replay.md and replay.html (with charts) into DIR.")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "Files replayed at once. Default: the number of cores.")
    Integer jobs;

    @Override
    public Integer call() throws IOException {
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new InputException("--out " + out + ": not a directory");
        }
        if (jobs != null && jobs < 1) {
            throw new InputException("--jobs must be at least 1, got " + jobs);
        }
        List<ConfiguredStrategy> chosen = strategies();
        PricedModel priced = harness().pricedModel(model, cacheTtl);
        List<Path> searched = paths.isEmpty() ? new UserLogs(root.home()).find() : paths;
        TraceFiles.Found found = TraceFiles.expand(searched);
        if (found.files().isEmpty()) {
            throw new InputException("no trajectories found in " + searched
                    + (found.skipped() > 0 ? " (" + found.skipped() + " files of other formats)" : ""));
        }
        PrintWriter err = err();
        ProgressLine progress = ProgressLine.on(err);
        ReplayBatch batch = new ReplayBatch(harness().counter(), priced, chosen, TraceNames.reader(found.files()));
        ReplayBatch.Outcome outcome = batch.run(found.files(), jobs != null ? jobs : Runtime.getRuntime().availableProcessors(),
                p -> progress.show(p.done(), p.total(), p.file().getFileName().toString()));
        progress.finish();
        outcome.failures().forEach(failure -> err.println("skipped " + failure));
        if (outcome.runs().isEmpty()) {
            throw new InputException("no trajectory could be replayed; nothing reported" + (out != null ? " in " + out : ""));
        }
        ReplayReport report = ReplayReport.of(outcome.runs());
        ReplayOutput output = new ReplayOutput(priced.spec(), outcome.runs(), report);
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
        return outcome.failures().isEmpty() ? ExitCodes.OK : ExitCodes.INPUT;
    }

    /** The strategies asked for, transcript first when it was not, each with config and -P parameters. */
    private List<ConfiguredStrategy> strategies() {
        Set<String> names = new LinkedHashSet<>();
        names.add(TranscriptStrategy.NAME);
        if (strategies == null) {
            Strategies.all().forEach(info -> names.add(info.name()));
        } else {
            names.addAll(strategies);
        }
        Map<String, Map<String, Integer>> byStrategy = new HashMap<>();
        params.forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot <= 0 || !names.contains(key.substring(0, dot))) {
                throw new InputException("-P " + key + ": expected STRATEGY.NAME=N for one of the replayed strategies "
                        + names + ", e.g. -P hybrid.horizon=50");
            }
            byStrategy.computeIfAbsent(key.substring(0, dot), s -> new HashMap<>()).put(key.substring(dot + 1), value);
        });
        List<ConfiguredStrategy> configured = new ArrayList<>();
        for (String name : names) {
            Map<String, Integer> merged = new HashMap<>(config().paramsFor(name));
            merged.putAll(byStrategy.getOrDefault(name, Map.of()));
            configured.add(harness().strategy(name, merged));
        }
        return configured;
    }
}
