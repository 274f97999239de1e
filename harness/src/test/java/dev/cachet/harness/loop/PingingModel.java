package dev.cachet.harness.loop;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.window.Window;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.KeepAlive;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.ScriptedModelClient;
import dev.cachet.providers.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scripted model that can be kept alive, as Anthropic's can: it logs each request it gets ("call" or "ping") in
 * order, keeps the windows it was pinged with, and answers pings as {@code reply} does.
 */
public final class PingingModel implements ModelClient {
    private final ScriptedModelClient answers;
    private final KeepAlive reply;
    private final List<String> requests = new ArrayList<>();
    private final List<Window> pinged = new ArrayList<>();

    /** Bills every ping {@code pingUsage}. */
    public PingingModel(ScriptedModelClient answers, Usage pingUsage) {
        this(answers, window -> new ModelResponse(AssistantTurn.text("R"), pingUsage, 0, FinishReason.MAX_TOKENS));
    }

    public PingingModel(ScriptedModelClient answers, KeepAlive reply) {
        this.answers = answers;
        this.reply = reply;
    }

    @Override
    public String model() {
        return "claude-sonnet-4-6";
    }

    @Override
    public ModelResponse complete(Window window) {
        requests.add("call");
        return answers.complete(window);
    }

    @Override
    public Optional<KeepAlive> keepAlive() {
        return Optional.of(window -> {
            requests.add("ping");
            pinged.add(window);
            return reply.ping(window);
        });
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    public List<Window> pinged() {
        return List.copyOf(pinged);
    }

    /** The windows of the calls, in order. */
    public List<Window> called() {
        return answers.windows();
    }
}
