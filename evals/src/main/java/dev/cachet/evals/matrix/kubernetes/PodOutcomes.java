package dev.cachet.evals.matrix.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cachet.context.Json;
import dev.cachet.evals.matrix.RunRecord;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a run's outcome from its pod, through the API alone: the record is the termination message of the
 * {@code run} container (or the last line of the log's tail the kubelet puts there when cachet died first).
 * <ul>
 *   <li>a record whose key is the index's run: that record, whatever the pod's phase;</li>
 *   <li>no record, and the run's own limit killed the pod (its deadline, memory): an errored record, as a local
 *       timeout would be;</li>
 *   <li>no record otherwise (evicted, node lost, stopped before starting, cachet crashed): lost, so --resume runs
 *       it again.</li>
 * </ul>
 */
final class PodOutcomes {
    static final String INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";

    private PodOutcomes() {}

    /** The index of the Indexed Job that the pod runs; none on a pod that is not one of such a Job's. */
    static OptionalInt index(Pod pod) {
        String index = pod.getMetadata().getAnnotations() == null ? null
                : pod.getMetadata().getAnnotations().get(INDEX_ANNOTATION);
        try {
            return index == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(index));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    static PodOutcome of(Pod pod, RunPlan.Entry run) {
        PodStatus status = pod.getStatus();
        String phase = status == null ? null : status.getPhase();
        if (!"Succeeded".equals(phase) && !"Failed".equals(phase)) {
            return new PodOutcome.Running();
        }
        Optional<ContainerStateTerminated> terminated = terminated(status);
        Optional<RunRecord> record = terminated.flatMap(state -> record(state.getMessage()))
                .filter(r -> r.key().equals(run.key()));
        if (record.isPresent()) {
            return new PodOutcome.Recorded(record.get());
        }
        if ("Succeeded".equals(phase)) {
            return new PodOutcome.Lost("ended without a record (stopped before it started)");
        }
        Optional<PodCondition> disruption = condition(status, "DisruptionTarget");
        if (disruption.isPresent()) {
            return new PodOutcome.Lost("evicted (" + Optional.ofNullable(disruption.get().getReason()).orElse("disrupted")
                    + ")");
        }
        if ("DeadlineExceeded".equals(status.getReason())) {
            return new PodOutcome.Recorded(errored(run, "pod: DeadlineExceeded", wall(pod, terminated)));
        }
        if (terminated.map(ContainerStateTerminated::getReason).filter("OOMKilled"::equals).isPresent()) {
            return new PodOutcome.Recorded(errored(run, "pod: OOMKilled", wall(pod, terminated)));
        }
        return new PodOutcome.Lost(terminated
                .map(state -> "failed without a record (exit " + state.getExitCode() + lastLine(state.getMessage()) + ")")
                .orElse("failed without a record (" + Optional.ofNullable(status.getReason()).orElse("no reason") + ")"));
    }

    private static Optional<ContainerStateTerminated> terminated(PodStatus status) {
        List<ContainerStatus> containers = status.getContainerStatuses() == null ? List.of() : status.getContainerStatuses();
        return containers.stream().filter(c -> JobManifests.CONTAINER.equals(c.getName())).findFirst()
                .map(ContainerStatus::getState).map(state -> state.getTerminated());
    }

    private static Optional<PodCondition> condition(PodStatus status, String type) {
        List<PodCondition> conditions = status.getConditions() == null ? List.of() : status.getConditions();
        return conditions.stream().filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }

    /** The record on the message's last line: the whole message when eval-run wrote it, the log's tail otherwise. */
    static Optional<RunRecord> record(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(lastLineOf(message), RunRecord.class));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String lastLine(String message) {
        return message == null || message.isBlank() ? "" : ": " + lastLineOf(message);
    }

    private static String lastLineOf(String message) {
        String[] lines = message.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }

    private static RunRecord errored(RunPlan.Entry run, String error, Duration wall) {
        return new RunRecord(run.task(), run.strategy(), run.repeat(), false, 0, 0, 0, 0, 0, 0, 0, 0, wall.toMillis(),
                "error", null, error, run.model(), run.plan(), null);
    }

    private static Duration wall(Pod pod, Optional<ContainerStateTerminated> terminated) {
        String started = pod.getStatus().getStartTime();
        String finished = terminated.map(ContainerStateTerminated::getFinishedAt).orElse(null);
        if (started == null || finished == null) {
            return Duration.ZERO;
        }
        return Duration.between(Instant.parse(started), Instant.parse(finished));
    }
}
