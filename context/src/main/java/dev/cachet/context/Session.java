package dev.cachet.context;

import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.message.UserText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The full record of one agent session: system prompt, tools and an append-only history. Strategies read it to
 * render windows; nothing ever edits or removes a message, so every window can be rebuilt from it.
 */
public final class Session {
    private final SystemText system;
    private final List<ToolSpec> tools;
    private final List<Message> history = new ArrayList<>();

    public Session(String systemPrompt, List<ToolSpec> tools, String task) {
        this.system = new SystemText(systemPrompt);
        this.tools = List.copyOf(tools);
        history.add(new UserText(task));
    }

    public SystemText system() {
        return system;
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
}
