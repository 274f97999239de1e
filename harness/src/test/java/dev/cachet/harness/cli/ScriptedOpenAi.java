package dev.cachet.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Answers as OpenAI's chat completions do, each request with the turn of a script its conversation has reached: the
 * number of assistant messages it holds. A resumed session therefore gets the answer it is due, whatever became of
 * the process before; each answer comes after {@code delay}, so that a test can catch the model call in flight.
 */
final class ScriptedOpenAi extends Dispatcher {
    private final List<AssistantTurn> script;
    private volatile Duration delay;

    ScriptedOpenAi(Duration delay, AssistantTurn... script) {
        this.script = List.of(script);
        this.delay = delay;
    }

    /** How long the answers from now on take. */
    void answerAfter(Duration delay) {
        this.delay = delay;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        JsonNode messages = parse(request.getBody() == null ? "{}" : request.getBody().utf8()).path("messages");
        int answered = 0;
        for (JsonNode message : messages) {
            answered += message.path("role").asText().equals("assistant") ? 1 : 0;
        }
        AssistantTurn turn = script.get(Math.min(answered, script.size() - 1));
        String completion = completion(turn, messages.toString().length());
        // A streamed request gets its answer as the events OpenAI streams; a whole one, whole.
        boolean streamed = parse(request.getBody() == null ? "{}" : request.getBody().utf8()).path("stream").asBoolean();
        return new MockResponse.Builder().code(200)
                .addHeader("content-type", streamed ? "text/event-stream" : "application/json")
                .headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
                .body(streamed ? StreamedAnswers.openAiEvents(completion) : completion)
                .build();
    }

    private static String completion(AssistantTurn turn, int promptChars) {
        ObjectNode message = Json.mapper().createObjectNode().put("role", "assistant").put("content", turn.text());
        ArrayNode calls = message.putArray("tool_calls");
        for (ToolCall call : turn.toolCalls()) {
            ObjectNode function = calls.addObject().put("id", call.id()).put("type", "function").putObject("function");
            function.put("name", call.name()).put("arguments", call.arguments());
        }
        ObjectNode answer = Json.mapper().createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("created", 1764000000).put("model", "gpt-5");
        answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "tool_calls").set("message", message);
        answer.putObject("usage").put("prompt_tokens", promptChars / 4).put("completion_tokens", 20)
                .put("total_tokens", promptChars / 4 + 20);
        return answer.toString();
    }

    private static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
