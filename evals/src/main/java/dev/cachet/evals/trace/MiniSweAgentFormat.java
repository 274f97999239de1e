package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * mini-swe-agent's {@code .traj.json}, in either layout: the early one, a bare JSON list of chat messages with the
 * command in a fenced {@code mswea_bash_command} block, or the object {@code {info, messages, trajectory_format}}
 * ({@code mini-swe-agent-1.1}), whose messages carry native tool calls and each call's usage and timestamp.
 */
public final class MiniSweAgentFormat implements TraceFormat {
    /**
     * The object layout always starts with {@code info}, itself opening with {@code model_stats} (1.1) or
     * {@code exit_status} (1.0); {@code trajectory_format} comes last, so only a small file shows it in the head.
     */
    private static final Pattern OBJECT_HEAD =
            Pattern.compile("^\\s*\\{\\s*\"info\"\\s*:\\s*\\{\\s*\"(?:model_stats|exit_status)\"\\s*:");
    private static final Pattern FORMAT_TAG = Pattern.compile("\"trajectory_format\"\\s*:\\s*\"mini-swe-agent");
    /** A list of chat messages, where OpenHands' event lists open with an event {@code id}. */
    private static final Pattern LIST_HEAD = Pattern.compile("^\\s*\\[\\s*\\{\\s*\"(?:role|content)\"\\s*:");

    @Override
    public String label() {
        return "mini-swe-agent";
    }

    @Override
    public String expected() {
        return "a mini-swe-agent .traj.json: a JSON list of {role, content} messages with ```mswea_bash_command"
                + " blocks, or an object with \"info\", \"messages\" and \"trajectory_format\"";
    }

    @Override
    public boolean recognises(Path file, FileHead head) {
        String text = head.text();
        // The early system prompt shows the fenced command format, so its tag is in the head before any command.
        return OBJECT_HEAD.matcher(text).find()
                || text.stripLeading().startsWith("{") && FORMAT_TAG.matcher(text).find()
                || LIST_HEAD.matcher(text).find() && text.contains("mswea_bash_command");
    }

    @Override
    public List<Trajectory> read(Path file) {
        JsonNode root = JsonFiles.document(file);
        MiniSweAgentMessages.Conversation conversation;
        if (root.isArray()) {
            conversation = MiniSweAgentMessages.read(file, root, "");
        } else if (root.isObject()) {
            conversation = MiniSweAgentMessages.read(file,
                    JsonShape.array(file, root.path("messages"), "messages"), "messages");
        } else {
            throw JsonShape.mismatch(file, "the top level", "a list of messages or an object with \"messages\"", root);
        }
        return List.of(new Trajectory(file.getFileName().toString(), label(), model(root),
                conversation.systemPrompt(), conversation.task(), List.of(), conversation.turns()));
    }

    /**
     * The model the provider says answered, else the configured one: they differ when a provider serves an alias
     * (one corpus run configured deepseek-chat and was answered by deepseek-v4-flash). The early layout has neither.
     */
    private static Optional<String> model(JsonNode root) {
        for (JsonNode message : root.path("messages")) {
            String answered = message.path("extra").path("response").path("model").asText("");
            if (!answered.isEmpty()) {
                return Optional.of(answered);
            }
        }
        String configured = root.path("info").path("config").path("model").path("model_name").asText("");
        return configured.isEmpty() ? Optional.empty() : Optional.of(configured);
    }
}
