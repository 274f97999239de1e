package dev.cachet.harness.cli;

import dev.cachet.context.Counted;
import dev.cachet.evals.matrix.EvalMatrix;
import dev.cachet.evals.matrix.ExecutorKind;
import dev.cachet.evals.matrix.ExecutorSettings;
import dev.cachet.evals.matrix.PlannedRun;
import dev.cachet.evals.matrix.ResultsFile;
import dev.cachet.evals.matrix.RunRecord;
import dev.cachet.evals.matrix.kubernetes.AgentSettings;
import dev.cachet.evals.matrix.kubernetes.RemoteRepos;
import dev.cachet.evals.report.EvalReports;
import dev.cachet.evals.suite.MissingRepos;
import dev.cachet.evals.suite.Suite;
import dev.cachet.evals.suite.SuiteTask;
import dev.cachet.harness.InputException;
import dev.cachet.harness.eval.HarnessAgentRunner;
import dev.cachet.harness.eval.RunStops;
import dev.cachet.harness.eval.TaskModels;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.session.StopReason;
import dev.cachet.tools.sandbox.Sandbox;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
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
                    + "--resume runs only what is missing or errored. Reports (report.json, report.md, report.html) are "
                    + "written to DIR at the end; session logs are kept in DIR/sessions.",
            "",
            "With --model replay, each task is answered by its recording, SUITE_DIR/recordings/<task id>.jsonl "
                    + "(a cachet session log): real tools and real checks, no API key."})
final class EvalCommand extends Subcommand implements Callable<Integer>, CountsTokens {
    @Parameters(paramLabel = "SUITE", description = "The suite file (YAML; its schema is suite.schema.json in evals/src/main/resources).")
    Path suiteFile;

    @Option(names = "--strategies", split = ",", paramLabel = "NAME", defaultValue = "transcript,hybrid",
            description = "Strategies to compare (see 'cachet strategies'). Default: ${DEFAULT-VALUE}.")
    List<String> strategies;

    @Option(names = "--plan", arity = "1", split = ",", paramLabel = "on|off", defaultValue = "off",
            converter = OnOffConverter.class,
            description = "Whether the agent writes a plan first, in a turn without tools; 'on,off' runs both, "
                    + "doubling the runs, and reports compare them as STRATEGY+plan beside STRATEGY. Default: ${DEFAULT-VALUE}.")
    List<Boolean> plan;

    @Mixin
    ModelOptions model;

    @Mixin
    StrategyParamOption params;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", converter = AtLeastOneConverter.class,
            description = "Runs of each strategy on each task; above 1, reports give 95%% intervals. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", converter = AtLeastOneConverter.class,
            description = "Runs at once, each in its own workspace. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results and reports go. Default: .cachet/evals/<suite name>.")
    Path out;

    @Option(names = "--resume", description = "Continue the eval in DIR: skip the runs results.jsonl already holds.")
    boolean resume;

    @Option(names = "--keep", description = "Keep each run's workspace (under DIR/workspaces) to look at what the agent did.")
    boolean keep;

    @Option(names = "--max-total-cost", paramLabel = "USD", converter = UsdConverter.class,
            description = "Start no new run once the eval has cost this much; runs under way finish, and --resume "
                    + "goes on later. Default: no limit.")
    Double maxTotalCost;

    @Option(names = "--executor", paramLabel = "KIND", defaultValue = "local",
            description = "Where runs execute: ${COMPLETION-CANDIDATES}: --jobs threads on this machine, or one "
                    + "Kubernetes Indexed Job, a pod per run, --jobs pods at a time, each record brought home to "
                    + "DIR/results.jsonl as it finishes (docs/evals-kubernetes.md). Default: ${DEFAULT-VALUE}.")
    ExecutorKind executor;

    @Mixin
    KubernetesOptions kubernetes;

    @Mixin
    SandboxOptions sandbox;

    @Override
    public Integer call() {
        Suite suite = Suite.read(suiteFile.toAbsolutePath());
        List<String> missingRepos = MissingRepos.of(suite);
        if (!missingRepos.isEmpty()) {
            missingRepos.forEach(missing -> err().println("cachet: " + suite.file() + ": " + missing));
            return ExitCodes.INPUT;
        }
        List<String> strategies = this.strategies.stream().distinct().toList();
        strategies.forEach(name -> harness().strategy(name, params.paramsFor(name, strategies, config())));
        if (out == null && !suite.name().matches("[A-Za-z0-9._-]+") || suite.name().matches("\\.+")) {
            throw new InputException("suite name '" + suite.name() + "' cannot name a directory; pass --out DIR");
        }
        Path dir = out != null ? out : Path.of(".cachet", "evals", suite.name());
        PrintWriter err = err();
        List<Boolean> plans = this.plan.stream().distinct().toList();
        List<PlannedRun> plan = EvalMatrix.plan(suite.tasks(), strategies, plans, repeat);
        Function<Integer, String> header = already -> String.format(
                "eval %s: %s x %s%s x %s = %s%s, %d at a time%n  results %s%n",
                suite.name(), Counted.of(suite.tasks().size(), "task"), Counted.of(strategies.size(), "strategy"),
                plans.size() > 1 ? " x plan on/off" : "", Counted.of(repeat, "repeat"), Counted.of(plan.size(), "run"),
                already > 0 ? " (" + already + " done before)" : "", jobs, dir.resolve(ResultsFile.NAME));
        EvalProgress progress = new EvalProgress(err, maxTotalCost);
        List<RunRecord> records;
        RunStops stops = new RunStops();
        if (executor == ExecutorKind.kubernetes) {
            if (keep) {
                throw new UsageException("--keep keeps workspaces on this machine; with --executor kubernetes each "
                        + "run's workspace is its pod's");
            }
            List<String> sandboxFlags = SandboxOptions.NAMES.stream().filter(this::given).toList();
            if (!sandboxFlags.isEmpty()) {
                throw new UsageException(String.join(", ", sandboxFlags) + ": the sandbox on this machine; with "
                        + "--executor kubernetes each run's pod is its sandbox, and the agent may do anything in it");
            }
            RemoteRepos.require(plan);
            checkModels(suite);
            Map<String, Map<String, Integer>> strategyParams = new LinkedHashMap<>();
            strategies.forEach(name -> strategyParams.put(name, params.paramsFor(name, strategies, config())));
            AgentSettings agent = new AgentSettings(model.model, model.baseUrl, model.ttl.lifetime(), strategyParams);
            KubernetesEval.Outcome outcome = new KubernetesEval(root, kubernetes, out(), err)
                    .run(suite, plan, dir, resume, jobs, agent, header, progress);
            records = outcome.records();
            if (outcome.detached()) {
                return ExitCodes.INTERRUPTED;
            }
        } else {
            refuseClusterFlags();
            Function<SuiteTask, PricedClient> models = TaskModels.of(harness(), suite, model.model,
                    Optional.ofNullable(model.baseUrl), model.ttl.lifetime(), err()::println);
            // Each run's workspace is a fresh clone, whose folders no PATH names.
            Sandbox confined = sandbox.sandbox(environment(), err, root.workingDirectory());
            HarnessAgentRunner agent = new HarnessAgentRunner(harness(), models,
                    name -> params.paramsFor(name, strategies, config()), confined, config().mcpServers(), dir.resolve("sessions"),
                    stops);
            // Ctrl-C: no run starts, those under way stop; their workspaces go, their logs are kept, marked.
            try (ResultsFile results = ResultsFile.open(dir, resume);
                    SignalStop signals = root.signals(stops::requested, why -> {
                        progress.guard().cancel();
                        stops.request(why);
                    }, err, "stopping the eval")) {
                results.refuseAnotherEval(plan, model.model);
                out().print(header.apply(results.doneOf(plan)));
                out().flush();
                ExecutorSettings settings = new ExecutorSettings(agent, model.model, keep, dir.resolve("workspaces"), environment(),
                        confined);
                records = new EvalMatrix(executor.create(settings), jobs).run(plan, results, progress, progress.guard());
                progress.finish();
            }
        }
        out().print(EvalReports.write(dir, suite.name(), records));
        out().printf("%nreports: %s (report.md, report.html, report.json)%n", dir);
        long failedChecks = records.stream().filter(r -> r.checkOutput() != null).count();
        if (failedChecks > 0) {
            out().printf("%s: why %s check failed is in %s (field check_output)%n",
                    Counted.of(failedChecks, "unsolved run"), failedChecks == 1 ? "its" : "their",
                    dir.resolve(ResultsFile.NAME));
        }
        if (stops.requested()) {
            interrupted(stops);
            return ExitCodes.INTERRUPTED;
        }
        Set<String> recorded = records.stream().map(RunRecord::key).collect(Collectors.toSet());
        int notRun = (int) plan.stream().filter(run -> !recorded.contains(run.key())).count();
        if (progress.overBudget(err, notRun, plan.size())) {
            return ExitCodes.LIMIT;
        }
        if (!records.isEmpty() && records.stream().allMatch(r -> r.error() != null)) {
            err.println("cachet: every run failed before it could be judged; the errors are in " + dir.resolve("report.md"));
            // As a run exits on its provider's error: the suite may be fine, the provider was not.
            boolean provider = records.stream()
                    .allMatch(r -> r.stopReason().startsWith(StopReason.PROVIDER_ERROR.label()));
            return provider ? ExitCodes.PROVIDER : ExitCodes.INPUT;
        }
        return ExitCodes.OK;
    }

    /** Says what became of the runs under way when Ctrl-C or SIGTERM stopped the eval. */
    private void interrupted(RunStops stops) {
        int stopped = stops.stopped();
        String what = stopped == 0 ? "" : ": " + Counted.of(stopped, "run") + " under way "
                + (stopped == 1 ? "was not recorded; --resume runs it" : "were not recorded; --resume runs them");
        err().println("cachet: eval " + stops.why().orElseThrow() + (stopped == 0 ? "; --resume runs the rest" : what));
    }

    private void refuseClusterFlags() {
        List<String> given = KubernetesOptions.NAMES.stream().filter(this::given).toList();
        if (!given.isEmpty()) {
            throw new UsageException(String.join(", ", given) + ": only with --executor kubernetes");
        }
    }

    /**
     * The pods hold the keys, this machine need not: only the model names are checked here, and under replay that
     * each task has its recording, which travels in the Job's ConfigMap.
     */
    private void checkModels(Suite suite) {
        if (model.model.equals(TaskModels.REPLAY)) {
            TaskModels.of(harness(), suite, model.model, Optional.empty(), model.ttl.lifetime(), warning -> { });
            return;
        }
        suite.tasks().forEach(task -> ModelSpec.parse(task.budget().model().orElse(model.model),
                Optional.ofNullable(model.baseUrl), model.ttl.lifetime()));
    }
}
