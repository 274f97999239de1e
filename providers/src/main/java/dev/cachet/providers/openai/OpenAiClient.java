package dev.cachet.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.Window;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.ProviderException;
import dev.cachet.providers.TextStream;
import dev.cachet.providers.Usage;
import dev.cachet.providers.http.LangChain4jHttpClient;
import dev.cachet.providers.http.RetryingTransport;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * OpenAI's chat completions, and any server that speaks them (DeepSeek, vLLM, Ollama), through LangChain4j's
 * OpenAI model. These providers cache prompt prefixes by themselves, so there are no breakpoints to place; usage is
 * read from {@code prompt_tokens_details.cached_tokens} (OpenAI counts cached tokens inside {@code prompt_tokens})
 * or DeepSeek's {@code prompt_cache_hit_tokens}, and cache writes cost nothing extra.
 */
public final class OpenAiClient implements ModelClient {
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private final String model;
    private final OpenAiChatModel chat;
    private final OpenAiStreamingChatModel streaming;
    private final ObjectMapper mapper = new ObjectMapper();

    /** @param apiKey empty for local servers that take none */
    public OpenAiClient(String model, String baseUrl, Optional<String> apiKey, RetryingTransport transport) {
        this.model = model;
        this.chat = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey.orElse(null))
                .modelName(model)
                .maxRetries(0)
                .httpClientBuilder(LangChain4jHttpClient.builder(transport))
                .build();
        // Streamed requests ask for usage in a last chunk (stream_options.include_usage), so they bill the same.
        this.streaming = OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey.orElse(null))
                .modelName(model)
                .httpClientBuilder(LangChain4jHttpClient.builder(transport))
                .build();
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public ModelResponse complete(Window window) {
        return complete(window, TextStream.NONE);
    }

    /** Streams the answer when someone watches its text; the response is the same either way. */
    @Override
    public ModelResponse complete(Window window, TextStream text) {
        long start = System.nanoTime();
        ChatRequest.Builder request = ChatRequest.builder().messages(messages(window.messages()));
        if (!window.tools().isEmpty()) {
            request.toolSpecifications(window.tools().stream().map(OpenAiClient::tool).toList());
        }
        ChatResponse response = text == TextStream.NONE ? chat.chat(request.build()) : stream(request.build(), text);
        long latencyMillis = (System.nanoTime() - start) / 1_000_000;
        return new ModelResponse(turn(response.aiMessage()), usage(response), latencyMillis, finishReason(response));
    }

    private ChatResponse stream(ChatRequest request, TextStream text) {
        CompletableFuture<ChatResponse> answer = new CompletableFuture<>();
        streaming.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String delta) {
                text.text(delta);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                answer.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                answer.completeExceptionally(error);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(model + ": interrupted");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /** cachet's own failure where LangChain4j wrapped it; otherwise what LangChain4j said, with the model named. */
    private RuntimeException failure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderException provider) {
                return provider;
            }
        }
        return new ProviderException(model + ": " + error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    private static List<ChatMessage> messages(List<Message> window) {
        List<ChatMessage> messages = new ArrayList<>();
        for (Message message : window) {
            if (message instanceof SystemText system) {
                messages.add(SystemMessage.from(system.text()));
            } else if (message instanceof UserText user) {
                messages.add(UserMessage.from(user.text()));
            } else if (message instanceof AssistantTurn turn) {
                List<ToolExecutionRequest> calls = turn.toolCalls().stream()
                        .map(c -> ToolExecutionRequest.builder().id(c.id()).name(c.name()).arguments(c.arguments()).build())
                        .toList();
                messages.add(calls.isEmpty() ? AiMessage.from(turn.text())
                        : AiMessage.builder().text(turn.text().isBlank() ? null : turn.text()).toolExecutionRequests(calls).build());
            } else {
                ToolResult result = (ToolResult) message;
                messages.add(ToolExecutionResultMessage.builder().id(result.callId()).toolName(result.toolName())
                        .text(result.content()).isError(result.error()).build());
            }
        }
        return messages;
    }

    private static ToolSpecification tool(ToolSpec spec) {
        return ToolSpecification.builder().name(spec.name()).description(spec.description())
                .parameters(JsonSchemas.object(spec.parameters())).build();
    }

    private static AssistantTurn turn(AiMessage message) {
        List<ToolCall> calls = message.hasToolExecutionRequests()
                // A call without an id or a name (which a streamed answer reads as empty) fails as a call, not the session.
                ? message.toolExecutionRequests().stream().map(r -> new ToolCall(Objects.requireNonNullElse(r.id(), ""),
                        Objects.requireNonNullElse(r.name(), ""), r.arguments())).toList()
                : List.of();
        return new AssistantTurn(message.text() == null ? "" : message.text(), calls);
    }

    private Optional<Usage> usage(ChatResponse response) {
        OpenAiTokenUsage usage = (OpenAiTokenUsage) response.tokenUsage();
        if (usage == null || usage.inputTokenCount() == null) {
            return Optional.empty();
        }
        // A count below zero is none, and no more is cached than was sent: either would bill a negative cost, which
        // takes back what earlier turns cost, and a budget with it.
        long input = Math.max(0, usage.inputTokenCount());
        long output = usage.outputTokenCount() == null ? 0 : Math.max(0, usage.outputTokenCount());
        long cached = deepSeekCacheHits(response).orElseGet(() -> usage.inputTokensDetails() == null
                || usage.inputTokensDetails().cachedTokens() == null ? 0L : usage.inputTokensDetails().cachedTokens());
        cached = Math.max(0, Math.min(input, cached));
        long reasoning = usage.outputTokensDetails() == null || usage.outputTokensDetails().reasoningTokens() == null
                ? 0 : Math.max(0, usage.outputTokensDetails().reasoningTokens());
        return Optional.of(new Usage(input - cached, 0, cached, output, reasoning));
    }

    // LangChain4j does not map DeepSeek's own cache fields; they are read from the raw answer, or the raw chunks of a
    // streamed one (the last chunk carries the usage).
    private Optional<Long> deepSeekCacheHits(ChatResponse response) {
        if (!(response.metadata() instanceof OpenAiChatResponseMetadata metadata)) {
            return Optional.empty();
        }
        List<String> bodies = new ArrayList<>();
        if (metadata.rawHttpResponse() != null && metadata.rawHttpResponse().body() != null) {
            bodies.add(metadata.rawHttpResponse().body());
        }
        if (metadata.rawServerSentEvents() != null) {
            metadata.rawServerSentEvents().forEach(event -> bodies.add(event.data()));
        }
        return bodies.stream().map(this::cacheHits).flatMap(Optional::stream).reduce((first, last) -> last);
    }

    private Optional<Long> cacheHits(String body) {
        try {
            JsonNode hits = mapper.readTree(body).path("usage").path("prompt_cache_hit_tokens");
            return hits.isIntegralNumber() ? Optional.of(hits.asLong()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static FinishReason finishReason(ChatResponse response) {
        if (response.finishReason() == null) {
            return FinishReason.OTHER;
        }
        return switch (response.finishReason()) {
            case STOP -> FinishReason.END_TURN;
            case TOOL_EXECUTION -> FinishReason.TOOL_USE;
            case LENGTH -> FinishReason.MAX_TOKENS;
            default -> FinishReason.OTHER;
        };
    }
}
