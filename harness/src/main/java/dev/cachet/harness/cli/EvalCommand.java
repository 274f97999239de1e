package dev.cachet.harness.cli;

import dev.cachet.evals.matrix.Cancellation;
import dev.cachet.evals.matrix.EvalMatrix;
import dev.cachet.evals.matrix.EvalSummary;
import dev.cachet.evals.matrix.ExecutorKind;
import dev.cachet.evals.matrix.ExecutorSettings;
import dev.cachet.evals.matrix.PlannedRun;
import dev.cachet.evals.matrix.ResultsFile;
import dev.cachet.evals.matrix.RunRecord;
import dev.cachet.evals.report.EvalHtmlReport;
import dev.cachet.evals.report.EvalJsonReport;
import dev.cachet.evals.report.EvalMarkdownReport;
import dev.cachet.evals.suite.Suite;
import dev.cachet.evals.suite.SuiteTask;
import dev.cachet.harness.Harness;
import dev.cachet.harness.InputException;
import dev.cachet.harness.eval.HarnessAgentRunner;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.replay.RecordedSession;
import dev.cachet.tools.sandbox.Sandbox;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run a task suite against repositories: every strategy x task x repeat gets its own fresh clone at the "
                    + "task's commit (the source is never touched), the agent works within the task's budget, and "
                    + "the task's check command decides whether it was solved (exit 0): it runs in the agent's "
                    + "sandbox, from its script and the task's check_files as they are at the task's commit.",
            "",
            "Each finished run is appended to DIR/results.jsonl at once, so an interrupted eval loses nothing: "
                    + "--resume runs only what is missing. Reports (report.json, report.md, report.html) are "
                    + "written to DIR at the end; session logs are kept in DIR/sessions.",
            "",
            "With --model replay, each task is answered by its recording, SUITE_DIR/recordings/<task id>.jsonl "
                    + "(a cachet session log): real tools and real checks, no API key."})
final class EvalCommand extends Subcommand implements Callable<Integer> {
    static final String REPLAY = "replay";

    @Parameters(paramLabel = "SUITE", description = "The suite file (YAML; schema: evals/src/main/resources/suite.schema.json).")
    Path suiteFile;

    @Option(names = "--strategies", split = ",", paramLabel = "NAME", defaultValue = "transcript,hybrid",
            description = "Strategies to compare (see 'cachet strategies'). Default: ${DEFAULT-VALUE}.")
    List<String> strategies;

    @Mixin
    ModelOptions model;

    @Mixin
    StrategyParamOption params;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Runs of each strategy on each task; above 1, reports give 95%% intervals. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Runs at once, each in its own workspace. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results and reports go. Default: .cachet/evals/<suite name>.")
    Path out;

    @Option(names = "--resume", description = "Continue the eval in DIR: skip the runs results.jsonl already holds.")
    boolean resume;

    @Option(names = "--keep", description = "Keep each run's workspace (under DIR/workspaces) to look at what the agent did.")
    boolean keep;

    @Option(names = "--max-total-cost", paramLabel = "USD",
            description = "Start no new run once the eval has cost this much; runs under way finish, and --resume "
                    + "goes on later. Default: no limit.")
    Double maxTotalCost;

    @Option(names = "--executor", paramLabel = "KIND", defaultValue = "local",
            description = "Where runs execute: ${COMPLETION-CANDIDATES} (threads on this machine; see "
                    + "docs/evals-kubernetes.md for running the matrix as Kubernetes Jobs). Default: ${DEFAULT-VALUE}.")
    ExecutorKind executor;

    @Mixin
    SandboxOptions sandbox;

    @Override
    public Integer call() {
        if (repeat < 1 || jobs < 1) {
            throw new InputException("--repeat and --jobs must be at least 1");
        }
        Suite suite = Suite.read(suiteFile.toAbsolutePath());
        List<String> strategies = this.strategies.stream().distinct().toList();
        strategies.forEach(name -> harness().strategy(name, params.paramsFor(name, strategies, config())));
        String defaultModel = model.model;
        Function<SuiteTask, PricedClient> models = models(suite, defaultModel);
        if (out == null && !suite.name().matches("[A-Za-z0-9._-]+") || suite.name().matches("\\.+")) {
            throw new InputException("suite name '" + suite.name() + "' cannot name a directory; pass --out DIR");
        }
        Path dir = out != null ? out : Path.of(".cachet", "evals", suite.name());
        PrintWriter err = err();
        Sandbox confined = sandbox.sandbox(environment(), err);
        HarnessAgentRunner agent = new HarnessAgentRunner(harness(), models,
                name -> params.paramsFor(name, strategies, config()), confined, config().mcpServers(), dir.resolve("sessions"));
        List<PlannedRun> plan = EvalMatrix.plan(suite.tasks(), strategies, repeat);
        List<RunRecord> records;
        try (ResultsFile results = ResultsFile.open(dir, resume)) {
            int already = results.completedKeys().size();
            out().printf("eval %s: %d tasks x %d strategies x %d repeats = %d runs%s, %d at a time%n  results %s%n",
                    suite.name(), suite.tasks().size(), strategies.size(), repeat, plan.size(),
                    already > 0 ? " (" + already + " done before)" : "", jobs, results.path());
            out().flush();
            ProgressLine progress = ProgressLine.on(err);
            Cancellation costGuard = new Cancellation();
            records = new EvalMatrix(executor.create(new ExecutorSettings(agent, defaultModel, keep, dir.resolve("workspaces"), environment(), confined)), jobs)
                    .run(plan, results, p -> {
                        progress.show(p.done(), p.total(), String.format(Locale.ROOT, "solved %d  $%.4f%s", p.solved(),
                                p.costUsd(), p.eta().map(eta -> "  eta " + eta.toSeconds() + "s").orElse("")));
                        if (maxTotalCost != null && p.costUsd() >= maxTotalCost) {
                            costGuard.cancel();
                        }
                    }, costGuard);
            progress.finish();
            if (costGuard.cancelled()) {
                err.printf(Locale.ROOT, "stopped starting runs at $%.4f (--max-total-cost); --resume goes on%n", maxTotalCost);
            }
        }
        EvalSummary summary = EvalSummary.of(records);
        String markdown = new EvalMarkdownReport().render(suite.name(), records, summary);
        ReportFiles.write(dir.resolve("report.json"), new EvalJsonReport().render(suite.name(), records, summary));
        boolean allFailed = records.stream().allMatch(r -> r.error() != null);
        ReportFiles.write(dir.resolve("report.md"), markdown);
        ReportFiles.write(dir.resolve("report.html"), new EvalHtmlReport().render(suite.name(), records, summary));
        out().print(markdown);
        out().printf("%nreports: %s (report.md, report.html, report.json)%n", dir);
        if (allFailed && !records.isEmpty()) {
            err.println("cachet: every run failed before it could be judged; the errors are in " + dir.resolve("report.md"));
            return ExitCodes.INPUT;
        }
        return ExitCodes.OK;
    }

    /** A new client per run; with replay, each task's recording, all checked before anything runs. */
    private Function<SuiteTask, PricedClient> models(Suite suite, String defaultModel) {
        Harness harness = harness();
        if (!defaultModel.equals(REPLAY)) {
            Function<SuiteTask, ModelSpec> specs = task -> ModelSpec.parse(task.budget().model().orElse(defaultModel),
                    Optional.ofNullable(model.baseUrl), model.ttl.cacheTtl);
            // A missing key, an unknown provider or an unpriced model fails here, before any workspace is made.
            suite.tasks().stream().map(specs).distinct().forEach(spec -> harness.open(spec, err()::println));
            return task -> harness.open(specs.apply(task), err()::println);
        }
        Path recordings = suite.file().getParent().resolve("recordings");
        List<String> missing = suite.tasks().stream().map(SuiteTask::id)
                .filter(id -> !Files.isRegularFile(recordings.resolve(id + ".jsonl"))).toList();
        if (!missing.isEmpty()) {
            throw new InputException("--model replay needs a recording per task in " + recordings + "; missing: "
                    + String.join(", ", missing.stream().map(id -> id + ".jsonl").toList()));
        }
        return task -> harness.replay(RecordedSession.read(recordings.resolve(task.id() + ".jsonl"), err()::println),
                model.ttl.cacheTtl);
    }
}
