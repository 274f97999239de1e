package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Names Claude Code's sub-agents by type ({@code Explore}, {@code Plan}, {@code general-purpose}, ...), which only
 * the main session records: its Task (or Agent) tool call carries {@code subagent_type} and the prompt the sub-agent
 * starts from, and newer versions answer the call with the sub-agent's {@code agentId}.
 */
final class ClaudeCodeAgents {
    /** A sub-agent whose launching call is not in the log. */
    static final String SIDECHAIN = "sidechain";
    static final String SUBAGENT = "subagent";

    private final Map<String, String> byPrompt;
    private final Map<String, String> byAgentId;

    private ClaudeCodeAgents(Map<String, String> byPrompt, Map<String, String> byAgentId) {
        this.byPrompt = byPrompt;
        this.byAgentId = byAgentId;
    }

    /** The sub-agents a main session's lines launch. */
    static ClaudeCodeAgents launchedIn(List<JsonFiles.Line> lines) {
        Map<String, String> byPrompt = new HashMap<>();
        Map<String, String> byCallId = new HashMap<>();
        Map<String, String> byAgentId = new HashMap<>();
        for (JsonFiles.Line line : lines) {
            JsonNode json = line.json();
            for (JsonNode block : json.path("message").path("content")) {
                JsonNode input = block.path("input");
                if (block.path("type").asText().equals("tool_use") && input.path("subagent_type").isTextual()) {
                    String type = input.get("subagent_type").asText();
                    byPrompt.putIfAbsent(input.path("prompt").asText(""), type);
                    byCallId.put(block.path("id").asText(""), type);
                }
            }
            String agentId = json.path("toolUseResult").path("agentId").asText("");
            if (!agentId.isEmpty()) {
                for (JsonNode block : json.path("message").path("content")) {
                    String type = byCallId.get(block.path("tool_use_id").asText(""));
                    if (type != null) {
                        byAgentId.put(agentId, type);
                    }
                }
            }
        }
        return new ClaudeCodeAgents(byPrompt, byAgentId);
    }

    /** The type of the sub-agent whose inline sidechain lines these are: by its agentId, else its first prompt. */
    String of(List<JsonFiles.Line> sidechain) {
        JsonNode first = sidechain.get(0).json();
        String byId = byAgentId.get(first.path("agentId").asText(""));
        if (byId != null) {
            return byId;
        }
        return byPrompt.getOrDefault(Blocks.text(first.path("message").path("content")), SIDECHAIN);
    }

    /**
     * Whether the sub-agent {@code agentId} of the session logged in {@code parent} has its own log beside it
     * ({@code <session>/subagents/agent-<id>.jsonl}, a file with something in it), which then holds its calls: the
     * parent's progress lines that relay them are read only where it does not. An id that is no file name has none.
     */
    static boolean hasOwnLog(Path parent, String agentId) {
        return ownLogName(agentId) && holdsCalls(subAgentsFolder(parent).resolve("agent-" + agentId + ".jsonl"));
    }

    /**
     * The names of the sub-agents' own logs beside the session logged in {@code parent} that hold their calls, as
     * {@link #hasOwnLog} takes them, sorted; none where there is no such folder.
     */
    static List<String> ownLogs(Path parent) throws IOException {
        return ownLogPaths(parent).stream().map(log -> log.getFileName().toString()).toList();
    }

    /** The sub-agents' own logs beside the session logged in {@code parent} that hold their calls, sorted by name. */
    static List<Path> ownLogPaths(Path parent) throws IOException {
        Path folder = subAgentsFolder(parent);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> logs = Files.list(folder)) {
            return logs.filter(ClaudeCodeAgents::holdsCalls).sorted().toList();
        }
    }

    /** {@code <session>/subagents}, beside {@code <session>.jsonl}. */
    private static Path subAgentsFolder(Path parent) {
        String name = parent.getFileName().toString();
        String session = name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
        return parent.resolveSibling(session).resolve("subagents");
    }

    /** A sub-agent's log holds its calls where it is a file with something in it. */
    private static boolean holdsCalls(Path log) {
        try {
            return Files.isRegularFile(log) && Files.size(log) > 0;
        } catch (IOException e) {
            return false; // gone between the two looks
        }
    }

    /**
     * The session log a sub-agent's transcript ({@code <session>/subagents/agent-<id>.jsonl}) belongs to, where it
     * lies beside that folder.
     */
    static Optional<Path> parentLog(Path transcript) {
        Path folder = transcript.toAbsolutePath().getParent();
        if (folder == null || folder.getParent() == null || !folder.getFileName().toString().equals("subagents")) {
            return Optional.empty();
        }
        Path sessionFolder = folder.getParent();
        Path parent = sessionFolder.resolveSibling(sessionFolder.getFileName() + ".jsonl");
        return Files.isRegularFile(parent) ? Optional.of(parent) : Optional.empty();
    }

    /** Whether {@code agentId} can name a file of its own: Claude Code's ids are short hexadecimal strings. */
    private static boolean ownLogName(String agentId) {
        return agentId.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    /**
     * The type of the sub-agent whose transcript is {@code file} ({@code <session>/subagents/agent-<id>.jsonl}), from
     * its parent session's log beside that folder when it is there.
     */
    static String ofTranscript(Path file, String agentId) {
        Optional<Path> parent = agentId.isEmpty() ? Optional.empty() : parentLog(file);
        if (parent.isEmpty()) {
            return SUBAGENT;
        }
        try {
            return launchedIn(JsonFiles.lines(parent.get())).byAgentId.getOrDefault(agentId, SUBAGENT);
        } catch (TraceFormatException e) {
            return SUBAGENT; // the parent's own errors are reported when it is read; here it only names a type
        }
    }
}
