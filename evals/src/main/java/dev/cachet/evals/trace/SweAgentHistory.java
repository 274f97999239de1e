package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chat history of a SWE-agent {@code .traj}, as the model saw it: the system prompt, the task, and one exchange
 * per assistant message. Demonstrations (worked examples shown before the task) are left out.
 */
record SweAgentHistory(String systemPrompt, String task, List<Exchange> exchanges) {

    /**
     * One assistant message, the user messages that came before it (after the task), and what answered it.
     *
     * @param action        the command SWE-agent parsed from the message
     * @param toolCalls     the message's native calls in function-calling mode; empty in text mode
     * @param observations  what the model was shown after the command ran
     */
    record Exchange(List<String> userMessages, String action, List<ToolCall> toolCalls, List<String> observations) {
        Exchange {
            userMessages = List.copyOf(userMessages);
            toolCalls = List.copyOf(toolCalls);
            observations = List.copyOf(observations);
        }
    }

    SweAgentHistory {
        exchanges = List.copyOf(exchanges);
    }

    /** The history under {@code history}; a file without one has an empty history. */
    static SweAgentHistory read(Path file, JsonNode history) {
        Reader reader = new Reader(file);
        if (!history.isMissingNode()) {
            JsonShape.array(file, history, "history");
            for (int i = 0; i < history.size(); i++) {
                reader.accept(history.get(i), "history[" + i + "]");
            }
        }
        return reader.finish();
    }

    /** The exchange at {@code index}, if the history has that many. */
    Optional<Exchange> exchange(int index) {
        return index < exchanges.size() ? Optional.of(exchanges.get(index)) : Optional.empty();
    }

    private static final class Reader {
        private final Path file;
        private final List<Exchange> exchanges = new ArrayList<>();
        private final List<String> userMessages = new ArrayList<>();
        private final List<String> observations = new ArrayList<>();
        private String systemPrompt;
        private String task;
        /** The latest assistant message, until the next one closes its exchange. */
        private Exchange open;

        Reader(Path file) {
            this.file = file;
        }

        void accept(JsonNode message, String path) {
            JsonShape.object(file, message, path);
            if (message.path("is_demo").asBoolean(false) || message.path("message_type").asText("").equals("demonstration")) {
                return;
            }
            String content = ChatMessages.text(message);
            switch (JsonShape.text(file, message.path("role"), path + ".role")) {
                case "system" -> systemPrompt = systemPrompt == null ? content : systemPrompt;
                case "assistant" -> {
                    close();
                    open = new Exchange(userMessages, message.path("action").asText(""),
                            ChatMessages.toolCalls(file, message, path), List.of());
                    userMessages.clear();
                }
                case "tool" -> {
                    if (open == null) {
                        throw new TraceFormatException(file + ": expected " + path
                                + " (a tool message) to follow an assistant message");
                    }
                    observations.add(content);
                }
                case "user" -> {
                    if (task == null) {
                        task = content;
                    } else if (open != null && open.toolCalls().isEmpty() && observations.isEmpty()) {
                        // Text mode returns the output of an action as the next user message.
                        observations.add(content);
                    } else {
                        userMessages.add(content);
                    }
                }
                default -> throw JsonShape.mismatch(file, path + ".role", "system, user, assistant or tool",
                        message.path("role"));
            }
        }

        SweAgentHistory finish() {
            close();
            return new SweAgentHistory(systemPrompt, task, exchanges);
        }

        private void close() {
            if (open != null) {
                exchanges.add(new Exchange(open.userMessages(), open.action(), open.toolCalls(), observations));
                observations.clear();
            }
        }
    }
}
