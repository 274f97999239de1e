package dev.cachet.tools.builtin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Counted;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.state.StateRules;
import dev.cachet.context.state.TaskStateOp;
import dev.cachet.tools.Args;
import dev.cachet.tools.Schema;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolEffect;
import dev.cachet.tools.ToolException;
import dev.cachet.tools.ToolOutput;

/**
 * Lets the model keep its plan, facts and decisions in the task state, which survives when old turns leave the
 * window. The tool only checks the ops; the loop applies them to the session's state once the call succeeds.
 */
public final class UpdateTaskStateTool extends BuiltinTool {
    private static final ToolSpec SPEC = new ToolSpec(StateRules.UPDATE_TASK_STATE,
            "Record your plan, what you learned and what you decided in the task state, which stays visible when old "
                    + "turns are dropped from your context. Steps and questions are numbered from 1 as the state shows them.",
            Schema.object().property("ops", opsSchema(), true).build());

    public UpdateTaskStateTool() {
        super(SPEC);
    }

    @Override
    public ToolEffect effect() {
        return ToolEffect.NONE;
    }

    @Override
    ToolOutput run(Args args, ToolContext context) throws ToolException {
        try {
            int count = TaskStateOp.parse(args.json(), context.taskState().get()).size();
            return ToolOutput.ok("task state updated (" + Counted.of(count, "change") + ")");
        } catch (IllegalArgumentException e) {
            throw new ToolException(name() + ": " + e.getMessage());
        }
    }

    private static ObjectNode opsSchema() {
        ObjectNode ops = JsonNodeFactory.instance.objectNode().put("type", "array").put("minItems", 1)
                .put("description", "Changes, applied in order");
        ObjectNode op = ops.putObject("items").put("type", "object");
        ObjectNode fields = op.putObject("properties");
        fields.putObject("op").put("type", "string").putArray("enum").add("add_step").add("set_step_status")
                .add("add_fact").add("set_file").add("add_decision").add("add_question").add("resolve_question")
                .add("set_next_step");
        fields.putObject("text").put("type", "string")
                .put("description", "for add_step, add_fact, add_decision, add_question, set_next_step");
        fields.putObject("step").put("type", "integer").put("description", "for set_step_status");
        fields.putObject("status").put("type", "string").putArray("enum").add("todo").add("in_progress").add("done").add("dropped");
        fields.putObject("path").put("type", "string").put("description", "for set_file");
        fields.putObject("why").put("type", "string").put("description", "for set_file: what the file is to the task");
        fields.putObject("question").put("type", "integer").put("description", "for resolve_question");
        op.putArray("required").add("op");
        return ops;
    }
}
