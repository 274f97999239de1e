package dev.cachet.evals.matrix.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cachet.context.Json;
import dev.cachet.evals.matrix.PlannedRun;
import dev.cachet.evals.suite.Suite;
import dev.cachet.evals.suite.SuiteTask;
import java.util.List;
import java.util.Objects;

/**
 * What one Job runs, {@code plan.json} in its ConfigMap: index i of the Indexed Job is {@code runs.get(i)}. Written
 * by the coordinator, read by each pod's {@code cachet eval-run} and by a coordinator that reattaches to the Job.
 */
public record RunPlan(String evalId, int attempt, AgentSettings agent, List<Entry> runs) {
    public RunPlan {
        Objects.requireNonNull(evalId, "evalId");
        Objects.requireNonNull(agent, "agent");
        runs = List.copyOf(runs);
    }

    /** One run: a task of the suite by id, under a strategy, for the repeat-th time, with the model it uses. */
    public record Entry(String task, String strategy, int repeat, String model, boolean plan) {
        public String key() {
            return PlannedRun.key(task, strategy, plan, repeat);
        }
    }

    public static RunPlan of(String evalId, int attempt, AgentSettings agent, List<PlannedRun> pending) {
        return new RunPlan(evalId, attempt, agent, pending.stream()
                .map(run -> new Entry(run.task().id(), run.strategy(), run.repeat(), run.model(agent.defaultModel()),
                        run.plan()))
                .toList());
    }

    /**
     * The run at {@code index}, with its task from {@code suite}.
     *
     * @throws PlanException if the index is outside the plan or names a task the suite does not hold
     */
    public PlannedRun run(int index, Suite suite) {
        if (index < 0 || index >= runs.size()) {
            throw new PlanException("JOB_COMPLETION_INDEX " + index + " is outside the plan's " + runs.size() + " runs");
        }
        Entry entry = runs.get(index);
        SuiteTask task = suite.tasks().stream().filter(t -> t.id().equals(entry.task())).findFirst()
                .orElseThrow(() -> new PlanException("run " + index + " names task '" + entry.task() + "', which "
                        + suite.file() + " does not hold"));
        return new PlannedRun(task, entry.strategy(), entry.repeat(), entry.plan());
    }

    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan always serialises", e);
        }
    }

    /** @param where names the text in an error, such as the file it came from */
    public static RunPlan fromJson(String json, String where) {
        try {
            return Json.mapper().readValue(json, RunPlan.class);
        } catch (JsonProcessingException e) {
            throw new PlanException(where + ": not a cachet run plan: " + e.getOriginalMessage());
        }
    }
}
