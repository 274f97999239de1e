package dev.cachet.evals.matrix.kubernetes;

import dev.cachet.evals.matrix.Cancellation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Follows one Job of an eval to its end, handing each finished run's record to the ledger as it appears. Each look
 * reads the Job first and its pods second: once the Job is finished, the pods read after it are final.
 */
final class JobWatch {
    /** How a follow ended. */
    enum Ending {
        /** The Job finished, or every run it holds that is still awaited came in. */
        FINISHED,
        /** The Job is gone (deleted, or its day after finishing passed): its runs without a record stay missing. */
        GONE,
        /** The user asked to stop watching (Ctrl-C); the Job runs on. */
        DETACHED
    }

    private final KubernetesClient client;
    private final String namespace;
    private final Pacer pacer;
    private final Consumer<String> notices;

    JobWatch(KubernetesClient client, String namespace, Pacer pacer, Consumer<String> notices) {
        this.client = client;
        this.namespace = namespace;
        this.pacer = pacer;
        this.notices = notices;
    }

    /**
     * @param cancellation once cancelled, the Job's ConfigMap gets a {@code stop} key: pods not started yet start
     *                     nothing, those under way finish and are recorded
     * @param detach       asked between looks: true stops following
     */
    Ending follow(RunPlan plan, RunLedger ledger, Cancellation cancellation, BooleanSupplier detach) {
        String name = JobManifests.name(plan.evalId(), plan.attempt());
        List<String> keys = plan.runs().stream().map(RunPlan.Entry::key).toList();
        boolean stopSent = false;
        while (true) {
            Job job = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
            if (job == null) {
                return Ending.GONE;
            }
            boolean over = finished(job);
            for (Pod pod : pods(plan)) {
                OptionalInt index = PodOutcomes.index(pod);
                if (index.isEmpty() || index.getAsInt() >= plan.runs().size()) {
                    continue;
                }
                RunPlan.Entry run = plan.runs().get(index.getAsInt());
                if (!ledger.awaits(run.key())) {
                    continue;
                }
                PodOutcome outcome = PodOutcomes.of(pod, run);
                if (outcome instanceof PodOutcome.Recorded recorded) {
                    ledger.record(recorded.record());
                } else if (outcome instanceof PodOutcome.Lost lost) {
                    ledger.lost(run.key(), lost.reason());
                }
            }
            if (over || !ledger.awaitsAny(keys)) {
                return Ending.FINISHED;
            }
            if (detach.getAsBoolean()) {
                return Ending.DETACHED;
            }
            if (cancellation.cancelled() && !stopSent) {
                stop(name);
                stopSent = true;
            }
            try {
                pacer.pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Ending.DETACHED;
            }
        }
    }

    static boolean finished(Job job) {
        List<JobCondition> conditions = job.getStatus() == null || job.getStatus().getConditions() == null
                ? List.of() : job.getStatus().getConditions();
        return conditions.stream().anyMatch(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
                && "True".equals(c.getStatus()));
    }

    private List<Pod> pods(RunPlan plan) {
        return client.pods().inNamespace(namespace)
                .withLabel(JobManifests.EVAL_LABEL, plan.evalId())
                .withLabel(JobManifests.ATTEMPT_LABEL, Integer.toString(plan.attempt()))
                .list().getItems();
    }

    /** Pods read the stop key before cloning: runs under way finish, the rest stay pending for --resume. */
    private void stop(String name) {
        client.configMaps().inNamespace(namespace).withName(name)
                .edit(map -> {
                    map.getData().put(PlanFiles.STOP, "cost limit reached");
                    return map;
                });
        notices.accept("cost limit reached: pods not started yet will start nothing (ConfigMap " + name + ": stop)");
    }
}
