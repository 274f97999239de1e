package dev.cachet.providers;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.window.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A test double: answers with scripted responses in order and keeps every window it was sent. */
public final class ScriptedModelClient implements ModelClient {
    private final List<ModelResponse> responses;
    private final List<Window> windows = new ArrayList<>();

    public ScriptedModelClient(List<ModelResponse> responses) {
        this.responses = List.copyOf(responses);
    }

    /** Answers with these turns, each billed as {@code usage}. */
    public static ScriptedModelClient of(Usage usage, AssistantTurn... turns) {
        return new ScriptedModelClient(Arrays.stream(turns)
                .map(t -> new ModelResponse(t, usage, 0, t.toolCalls().isEmpty() ? FinishReason.END_TURN : FinishReason.TOOL_USE))
                .toList());
    }

    public static ScriptedModelClient of(AssistantTurn... turns) {
        return of(Usage.ZERO, turns);
    }

    @Override
    public boolean answersAnything() {
        return false;
    }

    @Override
    public String model() {
        return "scripted";
    }

    @Override
    public ModelResponse complete(Window window) {
        if (windows.size() >= responses.size()) {
            throw new ProviderException("scripted model: no response left for request " + (windows.size() + 1));
        }
        windows.add(window);
        return responses.get(windows.size() - 1);
    }

    public List<Window> windows() {
        return List.copyOf(windows);
    }
}
