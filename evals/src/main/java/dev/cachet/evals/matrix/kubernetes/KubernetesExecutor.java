package dev.cachet.evals.matrix.kubernetes;

import dev.cachet.context.Counted;
import dev.cachet.evals.matrix.BatchExecutor;
import dev.cachet.evals.matrix.Cancellation;
import dev.cachet.evals.matrix.PlannedRun;
import dev.cachet.evals.matrix.RunRecord;
import dev.cachet.evals.suite.Suite;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Executes an eval's pending runs as Kubernetes Jobs, one Indexed Job per start, one pod per run; the coordinator
 * (this, on the laptop) watches and brings each record home as it comes. One start, in order:
 * <ol>
 *   <li>records of the eval's Jobs still in the cluster (a killed coordinator's) that results.jsonl lacks are taken
 *       first;</li>
 *   <li>a Job of the eval still running is reattached to and followed to its end: never a second one beside it;</li>
 *   <li>otherwise the runs still missing get a new Job (attempt n+1) and its ConfigMap, and are followed.</li>
 * </ol>
 * Runs left without a record (lost pods, a detach) stay missing, and a later {@code --resume} runs them again.
 */
public final class KubernetesExecutor implements BatchExecutor {
    private final KubernetesClient client;
    private final KubernetesTarget target;
    private final Suite suite;
    private final AgentSettings agent;
    private final String evalId;
    private final Pacer pacer;
    private final BooleanSupplier detach;
    private final Consumer<String> notices;
    private ClusterReport report = new ClusterReport(Optional.empty(), false, false, Map.of());

    /**
     * @param detach  asked between looks at the Job: true stops following it (Ctrl-C), leaving it running
     * @param notices one line each: the Job submitted or reattached to, runs lost
     */
    public KubernetesExecutor(KubernetesClient client, KubernetesTarget target, Suite suite, AgentSettings agent,
            String evalId, Pacer pacer, BooleanSupplier detach, Consumer<String> notices) {
        this.client = client;
        this.target = target;
        this.suite = suite;
        this.agent = agent;
        this.evalId = evalId;
        this.pacer = pacer;
        this.detach = detach;
        this.notices = notices;
    }

    @Override
    public void executeAll(List<PlannedRun> pending, Consumer<RunRecord> finished, Cancellation cancellation) {
        RunLedger ledger = new RunLedger(pending.stream().map(PlannedRun::key).toList(), finished, notices);
        JobWatch watch = new JobWatch(client, target.namespace(), pacer, notices);
        try {
            List<RunPlan> earlier = earlierPlans();
            pacer.ready();
            Optional<RunPlan> running = Optional.empty();
            for (RunPlan plan : earlier) {
                Job job = job(plan);
                if (job != null && JobWatch.finished(job)) {
                    watch.follow(plan, ledger, cancellation, () -> true);
                } else if (job != null && ledger.awaitsAny(keys(plan))) {
                    running = Optional.of(plan);
                }
            }
            if (running.isPresent()) {
                notices.accept("reattached to Job " + name(running.get()) + " (still running)");
                end(running.get(), true, watch.follow(running.get(), ledger, cancellation, detach), ledger);
                return;
            }
            Set<String> awaited = ledger.awaited();
            List<PlannedRun> left = pending.stream().filter(run -> awaited.contains(run.key())).toList();
            if (left.isEmpty() || cancellation.cancelled()) {
                report = new ClusterReport(Optional.empty(), false, false, ledger.missing());
                return;
            }
            int attempt = earlier.stream().mapToInt(RunPlan::attempt).max().orElse(0) + 1;
            RunPlan plan = submit(RunPlan.of(evalId, attempt, agent, left), left);
            notices.accept("submitted Job " + name(plan) + " in namespace " + target.namespace() + ": "
                    + Counted.of(left.size(), "run") + ", " + Math.min(target.parallelism(), left.size()) + " at a time");
            end(plan, false, watch.follow(plan, ledger, cancellation, detach), ledger);
        } catch (KubernetesClientException e) {
            throw ClusterFailures.of(e, client.getMasterUrl().toString(), target.namespace());
        }
    }

    /** How the last {@link #executeAll} ended. */
    public ClusterReport report() {
        return report;
    }

    /** Deletes the Job, its pods, and (as its owner) its ConfigMap. */
    public void delete(String job) {
        try {
            client.batch().v1().jobs().inNamespace(target.namespace()).withName(job)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        } catch (KubernetesClientException e) {
            throw ClusterFailures.of(e, client.getMasterUrl().toString(), target.namespace());
        }
    }

    private void end(RunPlan plan, boolean reattached, JobWatch.Ending ending, RunLedger ledger) {
        report = new ClusterReport(Optional.of(name(plan)), reattached, ending == JobWatch.Ending.DETACHED,
                ledger.missing());
    }

    /** The plans of the eval's Jobs still in the cluster, oldest first, read from their ConfigMaps. */
    private List<RunPlan> earlierPlans() {
        return client.configMaps().inNamespace(target.namespace()).withLabel(JobManifests.EVAL_LABEL, evalId)
                .list().getItems().stream()
                .filter(map -> map.getData() != null && map.getData().containsKey(PlanFiles.PLAN))
                .map(map -> RunPlan.fromJson(map.getData().get(PlanFiles.PLAN),
                        "ConfigMap " + map.getMetadata().getName()))
                .sorted(Comparator.comparingInt(RunPlan::attempt))
                .toList();
    }

    private Job job(RunPlan plan) {
        return client.batch().v1().jobs().inNamespace(target.namespace()).withName(name(plan)).get();
    }

    /**
     * The ConfigMap first, so no pod waits for its volume; then the Job; then the Job is made the ConfigMap's owner,
     * so that deleting the Job (or its end of life) takes the ConfigMap with it.
     */
    private RunPlan submit(RunPlan plan, List<PlannedRun> runs) {
        ConfigMap map = client.configMaps().inNamespace(target.namespace())
                .resource(JobManifests.configMap(PlanFiles.of(suite, plan))).create();
        Job job = client.batch().v1().jobs().inNamespace(target.namespace())
                .resource(JobManifests.job(plan, target, longestRun(runs))).create();
        client.configMaps().inNamespace(target.namespace()).withName(map.getMetadata().getName()).edit(owned -> {
            owned.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withApiVersion("batch/v1")
                    .withKind("Job").withName(job.getMetadata().getName()).withUid(job.getMetadata().getUid())
                    .build()));
            return owned;
        });
        return plan;
    }

    private static Duration longestRun(List<PlannedRun> runs) {
        return runs.stream().map(run -> run.task().budget().timeout().plus(run.task().budget().checkTimeout()))
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    private static List<String> keys(RunPlan plan) {
        return plan.runs().stream().map(RunPlan.Entry::key).toList();
    }

    private static String name(RunPlan plan) {
        return JobManifests.name(plan.evalId(), plan.attempt());
    }
}
