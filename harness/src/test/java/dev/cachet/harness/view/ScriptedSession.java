package dev.cachet.harness.view;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.window.Compaction;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.Usage;
import dev.cachet.providers.session.Limits;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.StopReason;
import java.util.List;
import java.util.Map;

/** The events of a short session as the loop reports them: a command, an edit, a write, a compaction, finish. */
final class ScriptedSession {
    static final ToolCall CHECK = new ToolCall("c1", "run_command", "{\"command\":\"sh check.sh\"}");
    static final ToolCall EDIT = new ToolCall("c2", "edit_file",
            "{\"path\":\"src/Wrap.java\",\"old_string\":\"  if (n < width) {\\n    fit();\",\"new_string\":\"  if (n <= width) {\\n    fit();\"}");
    static final ToolCall WRITE = new ToolCall("c3", "write_file", "{\"path\":\"NOTES.md\",\"content\":\"a\\nB\\nc\\n\"}");
    static final ToolCall READ = new ToolCall("c4", "read_file", "{\"path\":\"src/Wrap.java\",\"start_line\":10,\"end_line\":40}");
    static final ToolCall GREP = new ToolCall("c5", "grep", "{\"pattern\":\"width\",\"path\":\"src\"}");
    static final ToolCall FINISH = new ToolCall("c6", "finish", "{\"summary\":\"fixed the off-by-one\"}");

    private ScriptedSession() {}

    static SessionEvent.Started started() {
        return new SessionEvent.Started("s-1", "fix it", "/work/repo", "claude-sonnet-4-6", "hybrid", Map.of(),
                Limits.DEFAULT, "system", List.of(), null);
    }

    static SessionEvent.ModelResponded answer(int turn, String text, double cost, ToolCall... calls) {
        return new SessionEvent.ModelResponded(turn, AssistantTurn.calls(text, calls), new Usage(10, 100, 1000, 50, 0), cost,
                300, FinishReason.TOOL_USE, 555);
    }

    static SessionEvent.WindowRendered window(int turn) {
        return new SessionEvent.WindowRendered(turn, 1110, Map.of(), "hash", 3);
    }

    static List<SessionEvent> events() {
        return List.of(started(),
                window(1), answer(1, "Running the check.", 0.0125, CHECK),
                new SessionEvent.ToolCalled(1, CHECK),
                new SessionEvent.ToolReturned(1, new ToolResult("c1", "run_command",
                        "exit code 1\nline 1\nline 2\nline 3\nline 4\nline 5\nFAIL: width", false), 1500),
                window(2), answer(2, "", 0.002, EDIT, WRITE),
                new SessionEvent.ToolCalled(2, EDIT),
                new SessionEvent.ToolReturned(2, new ToolResult("c2", "edit_file",
                        "edited src/Wrap.java: replaced 1 occurrence (now lines 21-22)", false), 3),
                new SessionEvent.ToolCalled(2, WRITE),
                new SessionEvent.ToolReturned(2, new ToolResult("c3", "write_file", "overwrote NOTES.md (3 lines)", false), 2),
                new SessionEvent.Compacted(3, new Compaction("mask", 3210, 1000, 1800, 4000)),
                window(3), answer(3, "", 0.001, READ, GREP),
                new SessionEvent.ToolCalled(3, READ),
                new SessionEvent.ToolReturned(3, new ToolResult("c4", "read_file", "    10\tclass Wrap {\n    11\t}\n", false), 1),
                new SessionEvent.ToolCalled(3, GREP),
                new SessionEvent.ToolReturned(3, new ToolResult("c5", "grep",
                        "src/Wrap.java:3: width\nsrc/Wrap.java:9: width\nsrc/Main.java:2: width\n", false), 1),
                window(4), answer(4, "Done.", 0.001, FINISH),
                new SessionEvent.ToolCalled(4, FINISH),
                new SessionEvent.ToolReturned(4, new ToolResult("c6", "finish", "finished: fixed the off-by-one", false), 0),
                new SessionEvent.Stopped(4, StopReason.DONE, "the model called finish", new Usage(40, 400, 4000, 200, 0), 0.0165));
    }
}
