package dev.cachet.context.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code ops} array of an {@code update_task_state} call. Each error names the op by its position and
 * says what is wrong, so the model can correct the call; numbers are checked against the state as the earlier ops
 * leave it.
 */
final class TaskStateOpParser {
    private TaskState state;

    TaskStateOpParser(TaskState state) {
        this.state = state;
    }

    List<TaskStateOp> parse(JsonNode args) {
        JsonNode ops = args.path("ops");
        if (!ops.isArray() || ops.isEmpty()) {
            throw new IllegalArgumentException("'ops' must be a non-empty array of operations");
        }
        List<TaskStateOp> parsed = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            TaskStateOp op = parseOne(ops.get(i), "op " + (i + 1));
            state = op.applyTo(state);
            parsed.add(op);
        }
        return parsed;
    }

    private TaskStateOp parseOne(JsonNode op, String where) {
        String name = text(op, "op", where);
        return switch (name) {
            case "add_step" -> new TaskStateOp.AddStep(text(op, "text", where));
            case "set_step_status" -> new TaskStateOp.SetStepStatus(number(op, "step", state.plan().size(), where),
                    StepStatus.parse(text(op, "status", where)).orElseThrow(() -> new IllegalArgumentException(
                            where + ": status must be one of todo, in_progress, done, dropped")));
            case "add_fact" -> new TaskStateOp.AddFact(text(op, "text", where));
            case "set_file" -> new TaskStateOp.SetFile(text(op, "path", where), text(op, "why", where));
            case "add_decision" -> new TaskStateOp.AddDecision(text(op, "text", where));
            case "add_question" -> new TaskStateOp.AddQuestion(text(op, "text", where));
            case "resolve_question" -> new TaskStateOp.ResolveQuestion(
                    number(op, "question", state.openQuestions().size(), where));
            case "set_next_step" -> new TaskStateOp.SetNextStep(text(op, "text", where));
            default -> throw new IllegalArgumentException(where + ": unknown op '" + name + "'; known: add_step, "
                    + "set_step_status, add_fact, set_file, add_decision, add_question, resolve_question, set_next_step");
        };
    }

    private static String text(JsonNode op, String field, String where) {
        JsonNode value = op.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a non-empty string");
        }
        return value.asText().strip();
    }

    private static int number(JsonNode op, String field, int count, String where) {
        JsonNode value = op.get(field);
        if (count == 0) {
            throw new IllegalArgumentException(where + ": there is nothing to refer to by '" + field + "' yet");
        }
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1 || value.asInt() > count) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a number from 1 to " + count);
        }
        return value.asInt();
    }
}
