package dev.cachet.harness.cli;

import dev.cachet.context.Counted;
import dev.cachet.evals.matrix.EvalMatrix;
import dev.cachet.evals.matrix.PlannedRun;
import dev.cachet.evals.matrix.ResultsFile;
import dev.cachet.evals.matrix.RunRecord;
import dev.cachet.evals.matrix.kubernetes.AgentSettings;
import dev.cachet.evals.matrix.kubernetes.ChangeSignal;
import dev.cachet.evals.matrix.kubernetes.ClusterEvalState;
import dev.cachet.evals.matrix.kubernetes.ClusterReport;
import dev.cachet.evals.matrix.kubernetes.KubeClients;
import dev.cachet.evals.matrix.kubernetes.KubernetesExecutor;
import dev.cachet.evals.matrix.kubernetes.KubernetesTarget;
import dev.cachet.evals.suite.Suite;
import dev.cachet.harness.loop.StopRequest;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code cachet eval --executor kubernetes}: the coordinator. The matrix, results file, progress line and cost guard
 * are a local eval's; the runs execute as the eval's Job, and Ctrl-C stops watching it, not it.
 */
final class KubernetesEval {
    /** A look at the Job at least this often, whatever the watches say. */
    private static final Duration BACKSTOP = Duration.ofSeconds(10);
    private static final int MISSING_SHOWN = 10;

    private final CachetCommand root;
    private final KubernetesOptions options;
    private final PrintWriter out;
    private final PrintWriter err;

    KubernetesEval(CachetCommand root, KubernetesOptions options, PrintWriter out, PrintWriter err) {
        this.root = root;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** The result of a coordinator's run: the records, and whether the user stopped watching. */
    record Outcome(List<RunRecord> records, boolean detached) {}

    Outcome run(Suite suite, List<PlannedRun> plan, Path dir, boolean resume, int jobs, AgentSettings agent,
            Function<Integer, String> header, EvalProgress progress) {
        try (ResultsFile results = ResultsFile.open(dir, resume)) {
            results.refuseAnotherEval(plan, agent.defaultModel());
            KubeClients.Connection connection = KubeClients.open(root.environment(), options.kubeContext());
            try (KubernetesClient client = connection.client()) {
                ClusterEvalState state = ClusterEvalState.resolve(dir, options.namespace(), options.image(),
                        connection.namespace());
                out.print(header.apply(results.doneOf(plan)));
                out.printf("  kubernetes: namespace %s, eval %s, image %s%n", state.namespace(), state.evalId(),
                        state.image());
                out.flush();
                if (!state.pinned()) {
                    err.println("warning: image " + state.image() + " is not pinned by digest (@sha256:...): a resume "
                            + "may run other bits under the same tag");
                }
                KubernetesTarget target = new KubernetesTarget(state.namespace(), state.image(), options.secret(),
                        options.resultsVolume(), jobs);
                StopRequest stop = new StopRequest();
                List<RunRecord> records;
                KubernetesExecutor executor;
                try (SignalStop signals = root.signals(stop, err, "stopping watching the Job (it runs on)");
                        ChangeSignal pacer = new ChangeSignal(client, state.namespace(), state.evalId(), BACKSTOP)) {
                    executor = new KubernetesExecutor(client, target, suite, agent, state.evalId(), pacer,
                            stop::requested, notice -> {
                                err.println(notice);
                                err.flush();
                            });
                    records = new EvalMatrix(executor, jobs).run(plan, results, progress, progress.guard());
                }
                progress.finish();
                ClusterReport report = executor.report();
                tellMissing(report.missing());
                if (report.detached()) {
                    report.job().ifPresent(job -> keepOrDelete(executor, state.namespace(), job));
                }
                return new Outcome(records, report.detached());
            }
        }
    }

    private void tellMissing(Map<String, String> missing) {
        if (missing.isEmpty()) {
            return;
        }
        err.printf(Locale.ROOT, "%s no record yet; --resume runs %s again:%n",
                Counted.of(missing.size(), "run") + (missing.size() == 1 ? " has" : " have"), missing.size() == 1 ? "it" : "them");
        missing.entrySet().stream().limit(MISSING_SHOWN)
                .forEach(entry -> err.println("  " + entry.getKey() + ": " + entry.getValue()));
        if (missing.size() > MISSING_SHOWN) {
            err.printf("  ... and %d more%n", missing.size() - MISSING_SHOWN);
        }
    }

    /** Asked on a terminal; elsewhere the Job is kept, since deleting it loses the runs under way. */
    private void keepOrDelete(KubernetesExecutor executor, String namespace, String job) {
        Console console = System.console();
        if (console != null) {
            String answer = console.readLine("delete Job %s and its pods? runs under way are lost [y/N] ", job);
            if (answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
                executor.delete(job);
                err.println("deleted Job " + job + "; --resume submits the runs still missing again");
                return;
            }
        }
        err.println("Job " + job + " runs on: --resume reattaches to it; to delete it: kubectl -n " + namespace
                + " delete job " + job);
    }
}
