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
            "Save your plan, facts and decisions in the task state: it stays when old turns are dropped.",
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

    // Each field's name says which op reads it, and the enums list the values: no field needs a description.
    private static ObjectNode opsSchema() {
        ObjectNode ops = JsonNodeFactory.instance.objectNode().put("type", "array")
                .put("description", "Applied in order");
        ObjectNode op = ops.putObject("items").put("type", "object");
        ObjectNode fields = op.putObject("properties");
        fields.putObject("op").putArray("enum").add("add_step").add("set_step_status").add("add_fact").add("set_file")
                .add("add_decision").add("add_question").add("resolve_question").add("set_next_step");
        fields.putObject("text").put("type", "string");
        fields.putObject("step").put("type", "integer");
        fields.putObject("status").putArray("enum").add("todo").add("in_progress").add("done").add("dropped");
        fields.putObject("path").put("type", "string");
        fields.putObject("why").put("type", "string");
        fields.putObject("question").put("type", "integer");
        op.putArray("required").add("op");
        return ops;
    }
}
