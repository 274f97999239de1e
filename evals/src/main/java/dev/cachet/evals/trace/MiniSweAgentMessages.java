package dev.cachet.evals.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolCall;
import dev.cachet.providers.Usage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads mini-swe-agent's message list into turns, one per assistant message. The command is a native tool call
 * answered by a {@code tool} message, or (text mode) the one fenced {@code mswea_bash_command} block of the message,
 * answered by the next user message.
 */
final class MiniSweAgentMessages {
    /** mini-swe-agent runs a text-mode message only when it holds exactly one such block. */
    private static final Pattern COMMAND = Pattern.compile("```mswea_bash_command\\s*\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern RETURNCODE = Pattern.compile("\\s*<returncode>(-?\\d+)</returncode>");

    /** What a message list holds in cachet's terms. */
    record Conversation(String systemPrompt, String task, List<TrajectoryTurn> turns) {}

    private final Path file;
    private final TurnBuilder turns = new TurnBuilder();
    private String systemPrompt;
    private String task;
    /** Counts the turns: a text-mode command's call is named after its turn. */
    private int assistantMessages;
    /** The calls of the latest assistant message, which the messages after it answer. */
    private List<ToolCall> calls = List.of();
    /** Whether the latest message's command came from its text and the next user message, its output, is to come. */
    private boolean awaitingOutput;

    private MiniSweAgentMessages(Path file) {
        this.file = file;
    }

    /** The messages of {@code messages}, named {@code path} in errors. */
    static Conversation read(Path file, JsonNode messages, String path) {
        MiniSweAgentMessages reader = new MiniSweAgentMessages(file);
        for (int i = 0; i < messages.size(); i++) {
            reader.accept(messages.get(i), path + "[" + i + "]");
        }
        return new Conversation(reader.systemPrompt, reader.task, reader.turns.build());
    }

    private void accept(JsonNode message, String path) {
        JsonShape.object(file, message, path);
        String content = ChatMessages.text(message);
        switch (JsonShape.text(file, message.path("role"), path + ".role")) {
            case "system" -> systemPrompt = systemPrompt == null ? content : systemPrompt;
            case "assistant" -> assistant(message, path, content);
            case "tool" -> tool(message, path, content);
            case "user" -> user(message, content);
            // The submission, recorded after the last command; the model never sees it.
            case "exit" -> { }
            default -> throw JsonShape.mismatch(file, path + ".role", "system, user, assistant, tool or exit",
                    message.path("role"));
        }
    }

    private void assistant(JsonNode message, String path, String content) {
        int number = ++assistantMessages;
        calls = ChatMessages.toolCalls(file, message, path);
        boolean textMode = calls.isEmpty();
        if (textMode) {
            calls = command(content).map(command -> List.of(ChatMessages.bashCall(number, command))).orElse(List.of());
        }
        awaitingOutput = textMode && !calls.isEmpty();
        JsonNode extra = message.path("extra");
        TurnBuilder.Turn turn = turns.open(at(extra.path("timestamp"))).text(content);
        usage(file + ": " + path + ".extra.response.usage", extra.path("response").path("usage")).ifPresent(turn::usage);
        calls.forEach(turn::call);
    }

    private void tool(JsonNode message, String path, String content) {
        String id = JsonShape.text(file, message.path("tool_call_id"), path + ".tool_call_id");
        if (calls.stream().noneMatch(call -> call.id().equals(id))) {
            throw new TraceFormatException(file + ": expected " + path + ".tool_call_id to name a call of the"
                    + " preceding assistant message, found \"" + id + "\"");
        }
        answer(id, message, content);
    }

    private void user(JsonNode message, String content) {
        if (task == null) {
            task = content;
        } else if (awaitingOutput) {
            answer(calls.get(0).id(), message, content);
        } else {
            turns.user(content);
        }
    }

    private void answer(String callId, JsonNode message, String content) {
        turns.result(callId, content, failed(message, content));
        awaitingOutput = false;
    }

    /** The command of a text-mode message; none unless it holds exactly one block, as mini-swe-agent requires. */
    private static Optional<String> command(String content) {
        Matcher matcher = COMMAND.matcher(content);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String command = matcher.group(1);
        return matcher.find() ? Optional.empty() : Optional.of(command);
    }

    /** Whether the command exited non-zero: 1.1 records the code in {@code extra}, the early format only in the text. */
    private static boolean failed(JsonNode message, String content) {
        JsonNode code = message.path("extra").path("returncode");
        if (code.isIntegralNumber()) {
            return code.asLong() != 0;
        }
        Matcher matcher = RETURNCODE.matcher(content);
        return matcher.lookingAt() && Long.parseLong(matcher.group(1)) != 0;
    }

    /** OpenAI-style usage: {@code prompt_tokens} includes the cached ones, which DeepSeek also names cache hits. */
    private static Optional<Usage> usage(String where, JsonNode usage) {
        if (!Usages.bills(usage, "prompt_tokens", "completion_tokens")) {
            return Optional.empty();
        }
        JsonNode details = usage.at("/prompt_tokens_details/cached_tokens");
        String cached = details.isMissingNode() || details.isNull() ? "prompt_cache_hit_tokens"
                : "prompt_tokens_details.cached_tokens";
        return Optional.of(Usages.openAi(Usages.count(where, usage, "prompt_tokens"), Usages.count(where, usage, cached),
                Usages.count(where, usage, "completion_tokens"),
                Usages.count(where, usage, "completion_tokens_details.reasoning_tokens")));
    }

    /** An epoch-seconds timestamp, to the microsecond. */
    private static Optional<Instant> at(JsonNode seconds) {
        return seconds.isNumber()
                ? Optional.of(Instant.EPOCH.plus(Math.round(seconds.asDouble() * 1e6), ChronoUnit.MICROS))
                : Optional.empty();
    }
}
