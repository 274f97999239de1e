package dev.cachet.evals.matrix.kubernetes;

import dev.cachet.context.Json;
import dev.cachet.evals.matrix.RunRecord;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Plays a cluster's Job controller and kubelets on the mock API server, one event per {@link #pause()}: the
 * coordinator's pacer. Each event ends one pod of an index as the test scripts it; once every index of the Job has a
 * pod that ended for good, the Job is marked finished. An evicted pod is replaced, as the Job's pod-failure policy
 * asks the real controller to.
 */
final class SimulatedCluster implements Pacer {
    static final String NAMESPACE = "evals";

    /** How one pod of an index ends. */
    enum End { SUCCEED, EVICTED, DEADLINE, CRASH, STOPPED, JOB_DELETED }

    private record Event(int index, End end) {}

    private final KubernetesClient client;
    private final Deque<Event> events = new ArrayDeque<>();
    private final List<Integer> settled = new ArrayList<>();
    private int pauses;
    private int podNumber;
    private boolean started;

    SimulatedCluster(KubernetesClient client) {
        this.client = client;
    }

    /** Scripts the next pod of {@code index} to end so, after those scripted before it. */
    SimulatedCluster then(int index, End end) {
        events.add(new Event(index, end));
        return this;
    }

    /** Scripts the user deleting the Job (kubectl delete job), its pods and ConfigMap going with it. */
    SimulatedCluster thenJobDeleted() {
        events.add(new Event(-1, End.JOB_DELETED));
        return this;
    }

    int pauses() {
        return pauses;
    }

    @Override
    public void pause() {
        pauses++;
        Job job = onlyRunningJob();
        if (!started) {
            // The controller starts a pod for every index at once (parallelism is not the point here).
            for (int i = 0; i < job.getSpec().getCompletions(); i++) {
                startPod(job, i);
            }
            started = true;
            return;
        }
        Event event = events.poll();
        if (event == null) {
            throw new AssertionError("the coordinator waits, but the script has nothing left to happen");
        }
        if (event.end() == End.JOB_DELETED) {
            String name = job.getMetadata().getName();
            client.batch().v1().jobs().inNamespace(NAMESPACE).withName(name).delete();
            client.configMaps().inNamespace(NAMESPACE).withName(name).delete();
            client.pods().inNamespace(NAMESPACE).withLabel(JobManifests.ATTEMPT_LABEL,
                    job.getMetadata().getLabels().get(JobManifests.ATTEMPT_LABEL)).delete();
            return;
        }
        end(job, event);
        if (settled.size() == job.getSpec().getCompletions()) {
            finish(job);
        }
    }

    /** Ends every scripted pod without the coordinator looking: it was killed meanwhile. */
    void playOut() {
        while (!events.isEmpty()) {
            pause();
        }
    }

    private Job onlyRunningJob() {
        List<Job> running = client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(job -> !JobWatch.finished(job)).toList();
        if (running.size() != 1) {
            throw new AssertionError("expected one running Job, found " + running.size());
        }
        return running.get(0);
    }

    private void startPod(Job job, int index) {
        Map<String, String> labels = job.getSpec().getTemplate().getMetadata().getLabels();
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder()
                .withNewMetadata().withName(job.getMetadata().getName() + "-" + index + "-" + podNumber++)
                    .withLabels(labels).withAnnotations(Map.of(PodOutcomes.INDEX_ANNOTATION, Integer.toString(index)))
                .endMetadata()
                .withNewStatus().withPhase("Running").endStatus()
                .build()).create();
    }

    private void end(Job job, Event event) {
        Pod pod = client.pods().inNamespace(NAMESPACE).withLabel(JobManifests.EVAL_LABEL).list().getItems().stream()
                .filter(p -> p.getMetadata().getName().startsWith(job.getMetadata().getName() + "-" + event.index() + "-"))
                .filter(p -> "Running".equals(p.getStatus().getPhase())).findFirst()
                .orElseThrow(() -> new AssertionError("no running pod for index " + event.index()));
        RunPlan plan = RunPlan.fromJson(client.configMaps().inNamespace(NAMESPACE).withName(job.getMetadata().getName())
                .get().getData().get(PlanFiles.PLAN), "the Job's ConfigMap");
        RunPlan.Entry run = plan.runs().get(event.index());
        PodBuilder ended = new PodBuilder(pod);
        switch (event.end()) {
            case SUCCEED -> ended.editStatus().withPhase("Succeeded").withContainerStatuses(terminated(0, record(run)))
                    .endStatus();
            case STOPPED -> ended.editStatus().withPhase("Succeeded").withContainerStatuses(terminated(0, "")).endStatus();
            case EVICTED -> ended.editStatus().withPhase("Failed").withContainerStatuses(terminated(137, ""))
                    .addToConditions(new io.fabric8.kubernetes.api.model.PodConditionBuilder()
                            .withType("DisruptionTarget").withStatus("True").withReason("EvictionByEvictionAPI")
                            .build())
                    .endStatus();
            case DEADLINE -> ended.editStatus().withPhase("Failed").withReason("DeadlineExceeded")
                    .withStartTime("2026-01-01T10:00:00Z")
                    .withContainerStatuses(terminated(137, "", "2026-01-01T10:40:00Z")).endStatus();
            case JOB_DELETED -> throw new AssertionError("not a pod's end");
            case CRASH -> ended.editStatus().withPhase("Failed")
                    .withContainerStatuses(terminated(1, "Exception in thread main\ncachet: the plan is broken"))
                    .endStatus();
        }
        client.pods().inNamespace(NAMESPACE).resource(ended.build()).update();
        if (event.end() == End.EVICTED) {
            startPod(job, event.index());
        } else {
            settled.add(event.index());
        }
    }

    private void finish(Job job) {
        client.batch().v1().jobs().inNamespace(NAMESPACE).withName(job.getMetadata().getName()).edit(j -> {
            j.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder()
                    .withConditions(new JobConditionBuilder().withType("Complete").withStatus("True").build()).build());
            return j;
        });
    }

    private static io.fabric8.kubernetes.api.model.ContainerStatus terminated(int exit, String message) {
        return terminated(exit, message, null);
    }

    private static io.fabric8.kubernetes.api.model.ContainerStatus terminated(int exit, String message, String at) {
        return new ContainerStatusBuilder().withName(JobManifests.CONTAINER)
                .withNewState().withNewTerminated().withExitCode(exit).withMessage(message).withFinishedAt(at)
                .endTerminated().endState().build();
    }

    /** What eval-run would write: a solved run that cost a cent. */
    static String record(RunPlan.Entry run) {
        try {
            return Json.mapper().writeValueAsString(new RunRecord(run.task(), run.strategy(), run.repeat(), true, 3,
                    1000, 500, 1500, 100, 0.01, 0.5, 3000, 60_000, "done", "abc123", null, run.model(), run.plan(), null));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
