package dev.cachet.evals.matrix.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ConfigMap and the Indexed Job of one eval start (see docs/evals-kubernetes.md): one pod per run, index i
 * running {@code plan.runs().get(i)}. Pure: builds objects, sends nothing.
 */
final class JobManifests {
    static final String EVAL_LABEL = "cachet.dev/eval";
    static final String ATTEMPT_LABEL = "cachet.dev/attempt";
    static final String CONTAINER = "run";
    static final String PLAN_DIR = "/plan";
    static final String WORK_DIR = "/work";
    static final String RESULTS_DIR = "/results";
    /** Finished Jobs (and their pods, whose termination messages hold the records) stay a day for a --resume. */
    static final int KEEP_FINISHED_SECONDS = 86_400;
    /** Clone and setup, on top of the longest task's timeout and check timeout. */
    static final Duration MARGIN = Duration.ofMinutes(10);

    private JobManifests() {}

    static String name(String evalId, int attempt) {
        return "cachet-eval-" + evalId + "-" + attempt;
    }

    static Map<String, String> labels(RunPlan plan) {
        return Map.of(EVAL_LABEL, plan.evalId(), ATTEMPT_LABEL, Integer.toString(plan.attempt()),
                "app.kubernetes.io/managed-by", "cachet");
    }

    static ConfigMap configMap(PlanFiles files) {
        RunPlan plan = files.plan();
        return new ConfigMapBuilder()
                .withNewMetadata().withName(name(plan.evalId(), plan.attempt())).withLabels(labels(plan)).endMetadata()
                .withData(files.data())
                .build();
    }

    /** @param longestRun the longest task timeout plus its check timeout among the plan's runs */
    static Job job(RunPlan plan, KubernetesTarget target, Duration longestRun) {
        String name = name(plan.evalId(), plan.attempt());
        int runs = plan.runs().size();
        return new JobBuilder()
                .withNewMetadata().withName(name).withLabels(labels(plan)).endMetadata()
                .withNewSpec()
                    .withCompletionMode("Indexed")
                    .withCompletions(runs)
                    .withParallelism(Math.min(target.parallelism(), runs))
                    // A failed run is a result, never retried; and one failed index must not fail the others, as the
                    // Job-wide backoffLimit: 0 would.
                    .withBackoffLimitPerIndex(0)
                    .withNewPodFailurePolicy()
                        // ...but a pod the cluster evicted or lost never ran its run to the end: run it again.
                        .addNewRule().withAction("Ignore")
                            .addNewOnPodCondition().withType("DisruptionTarget").withStatus("True").endOnPodCondition()
                        .endRule()
                    .endPodFailurePolicy()
                    .withTtlSecondsAfterFinished(KEEP_FINISHED_SECONDS)
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels(plan)).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            // eval-run never calls the API: its pod gets no token to call it with.
                            .withAutomountServiceAccountToken(false)
                            .withActiveDeadlineSeconds(longestRun.plus(MARGIN).toSeconds())
                            .withContainers(container(target))
                            .withVolumes(volumes(name, target))
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    private static Container container(KubernetesTarget target) {
        List<String> args = new ArrayList<>(List.of("eval-run", "--plan-dir", PLAN_DIR, "--work", WORK_DIR));
        List<VolumeMount> mounts = new ArrayList<>(List.of(
                mount("plan", PLAN_DIR, true),
                mount("work", WORK_DIR, false)));
        target.resultsVolume().ifPresent(claim -> {
            args.addAll(List.of("--sessions", RESULTS_DIR + "/sessions"));
            mounts.add(mount("results", RESULTS_DIR, false));
        });
        ContainerBuilder container = new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(target.image())
                .withArgs(args)
                .withVolumeMounts(mounts)
                // The record is the termination message; should eval-run die before writing it, the log's tail is.
                .withTerminationMessagePolicy("FallbackToLogsOnError");
        // Keys come from the user's Secret alone, by reference: never a value in this spec.
        target.secret().ifPresent(secret -> container.addNewEnvFrom().withNewSecretRef().withName(secret)
                .endSecretRef().endEnvFrom());
        return container.build();
    }

    private static VolumeMount mount(String volume, String path, boolean readOnly) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(readOnly).build();
    }

    private static List<Volume> volumes(String configMap, KubernetesTarget target) {
        List<Volume> volumes = new ArrayList<>(List.of(
                new VolumeBuilder().withName("plan").withNewConfigMap().withName(configMap).endConfigMap().build(),
                new VolumeBuilder().withName("work").withNewEmptyDir().withSizeLimit(new Quantity("20Gi"))
                        .endEmptyDir().build()));
        target.resultsVolume().ifPresent(claim -> volumes.add(new VolumeBuilder().withName("results")
                .withNewPersistentVolumeClaim().withClaimName(claim).endPersistentVolumeClaim().build()));
        return volumes;
    }
}
