package dev.cachet.evals.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.stream.Stream;

/**
 * Files that parse as JSON but break their format, each with the format that reads it and the start of what it
 * says after the file's name: the line, where the format has lines, and the field or element at fault.
 */
final class BrokenTraces {
    private BrokenTraces() {}

    /** {@code text} read by {@code format} as a file named {@code name} fails saying {@code error} after the name. */
    record Case(TraceFormat format, String name, String text, String error) {
        @Override
        public String toString() {
            return format.label() + ", " + name + error;
        }
    }

    private static final String CODEX_SESSION_META = """
            {"timestamp":"2026-01-01T10:00:00Z","type":"session_meta",\
            "payload":{"id":"r","base_instructions":{"text":"You are Codex."}}}
            """;

    static Stream<Case> all() {
        TraceFormat cachet = new CachetLogFormat();
        TraceFormat claudeCode = new ClaudeCodeFormat();
        TraceFormat codex = new CodexFormat();
        TraceFormat miniSweAgent = new MiniSweAgentFormat();
        TraceFormat openHands = new OpenHandsFormat();
        TraceFormat sweAgent = new SweAgentFormat();
        return Stream.of(
                new Case(cachet, "untyped.jsonl", """
                        {"type": "window", "turn": 1}
                        {"turn": 1}
                        """, ":2: expected a JSON object with a \"type\" field naming the event"),
                new Case(cachet, "wrong-role.jsonl", """
                        {"type": "model_response", "turn": 1, "message": {"role": "user", "text": "hi"}}
                        """, ":1: malformed \"model_response\" event: \"message\" is a \"user\" where a \"assistant\" was expected"),
                new Case(cachet, "started.jsonl", """
                        {"type": "session_start", "task": "t"}
                        """, ": no \"model_response\" events"),
                new Case(claudeCode, "no-id.jsonl", """
                        {"type":"user","sessionId":"s","message":{"role":"user","content":"hi"}}
                        {"type":"assistant","sessionId":"s","message":{"content":[],"usage":{}}}
                        """, ":2: missing field message.id"),
                new Case(claudeCode, "untyped.jsonl", """
                        {"role":"user","content":"hi"}
                        """, ":1: missing field type"),
                new Case(claudeCode, "rollout.jsonl", fixture("codex/rollout.jsonl"), ": no assistant lines"),
                new Case(codex, "no-call-id.jsonl", CODEX_SESSION_META + """
                        {"timestamp":"2026-01-01T10:00:01Z","type":"response_item","payload":{"type":"function_call",\
                        "name":"exec_command","arguments":"{}"}}
                        """, ":2: missing field payload.call_id"),
                new Case(codex, "no-calls.jsonl", CODEX_SESSION_META, ": no model calls"),
                new Case(codex, "session.jsonl", fixture("claude-code/session.jsonl"), ":1: missing field payload"),
                new Case(miniSweAgent, "not-a-list.traj.json", """
                        {"info": {}, "messages": {"role": "user"}}
                        """, ": expected messages to be a list, found object"),
                new Case(miniSweAgent, "no-role.traj.json", """
                        [{"role": "system", "content": "hi"}, {"content": "task"}]
                        """, ": expected [1].role to be a string, found nothing"),
                new Case(miniSweAgent, "stray-tool.traj.json", """
                        {"messages": [{"role": "user", "content": "task"},
                                      {"role": "tool", "tool_call_id": "call_x", "content": "out"}]}
                        """, ": expected messages[1].tool_call_id to name a call of the preceding assistant message,"
                        + " found \"call_x\""),
                new Case(openHands, "no-history.jsonl", """
                        {"instance_id": "x-1", "instruction": "fix"}
                        """, ":1: expected \"history\", the list of OpenHands events"),
                new Case(openHands, "chat.json", """
                        [{"role": "user", "content": "hi"}]
                        """, ": event #0: expected an object with \"action\" or \"observation\""),
                new Case(openHands, "no-call-id.json", """
                        [{"id": 3, "source": "agent", "action": "run", "args": {"command": "ls"},
                          "tool_call_metadata": {"function_name": "execute_bash", "model_response": {"id": "r1"}}}]
                        """, ": \"run\" action with id 3: expected text at tool_call_metadata.tool_call_id"),
                new Case(sweAgent, "not-a-list.traj", """
                        {"environment": "main", "trajectory": {"action": "ls"}}
                        """, ": expected trajectory to be a list, found object"),
                new Case(sweAgent, "no-action.traj", """
                        {"trajectory": [{"observation": "x"}], "history": []}
                        """, ": expected trajectory[0].action to be a string, found nothing"));
    }

    /** Another format's fixture, which this one must refuse. */
    private static String fixture(String relative) {
        try {
            return Files.readString(TraceSamples.FIXTURES.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
