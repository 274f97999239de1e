package dev.cachet.context;

import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.message.UserText;
import dev.cachet.context.state.TaskState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The full record of one agent session: system prompt, tools, an append-only history and the current task state.
 * Strategies read it to render windows; nothing ever edits or removes a message, so every window can be rebuilt
 * from it.
 */
public final class Session {
    private final SystemText system;
    private final String task;
    private final List<ToolSpec> tools;
    private final List<Message> history = new ArrayList<>();
    private TaskState state;

    public Session(String systemPrompt, List<ToolSpec> tools, String task) {
        this.system = new SystemText(systemPrompt);
        this.tools = List.copyOf(tools);
        this.task = task;
        history.add(new UserText(task));
        this.state = TaskState.forGoal(task);
    }

    public SystemText system() {
        return system;
    }

    /** What the user asked for; also the first message of the history. */
    public String task() {
        return task;
    }

    public List<ToolSpec> tools() {
        return tools;
    }

    public List<Message> history() {
        return Collections.unmodifiableList(history);
    }

    public void append(Message message) {
        history.add(message);
    }

    public TaskState state() {
        return state;
    }

    public void updateState(TaskState next) {
        state = Objects.requireNonNull(next, "state");
    }
}
