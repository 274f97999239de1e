package dev.cachet.context.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One change the model asks for through the {@code update_task_state} tool. Steps and questions are addressed by
 * their 1-based number, as the rendered state shows them.
 */
public sealed interface TaskStateOp {
    TaskState applyTo(TaskState state);

    record AddStep(String text) implements TaskStateOp {
        public TaskState applyTo(TaskState state) {
            List<PlanStep> plan = new ArrayList<>(state.plan());
            plan.add(new PlanStep(text, StepStatus.TODO));
            return state.withPlan(plan);
        }
    }

    record SetStepStatus(int step, StepStatus status) implements TaskStateOp {
        public TaskState applyTo(TaskState state) {
            List<PlanStep> plan = new ArrayList<>(state.plan());
            plan.set(step - 1, new PlanStep(plan.get(step - 1).text(), status));
            return state.withPlan(plan);
        }
    }

    record AddFact(String text) implements TaskStateOp {
        public TaskState applyTo(TaskState state) {
            return state.withFact(text);
        }
    }

    record SetFile(String path, String why) implements TaskStateOp {
        public TaskState applyTo(TaskState state) {
            return state.withFile(path, why);
        }
    }

    record AddDecision(String text) implements TaskStateOp {
        public TaskState applyTo(TaskState state) {
            return state.withDecision(text);
        }
    }

    record AddQuestion(String text) implements TaskStateOp {
        public TaskState applyTo(TaskState state) {
            List<String> questions = new ArrayList<>(state.openQuestions());
            questions.add(text);
            return state.withOpenQuestions(questions);
        }
    }

    record ResolveQuestion(int question) implements TaskStateOp {
        public TaskState applyTo(TaskState state) {
            List<String> questions = new ArrayList<>(state.openQuestions());
            questions.remove(question - 1);
            return state.withOpenQuestions(questions);
        }
    }

    record SetNextStep(String text) implements TaskStateOp {
        public TaskState applyTo(TaskState state) {
            return state.withNextStep(text);
        }
    }

    /** The ops of an {@code update_task_state} call, checked against the state they will apply to. */
    static List<TaskStateOp> parse(JsonNode args, TaskState state) {
        // Throws IllegalArgumentException naming the op and field at fault.
        return new TaskStateOpParser(state).parse(args);
    }
}
