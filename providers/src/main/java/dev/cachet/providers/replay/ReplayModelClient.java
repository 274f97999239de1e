package dev.cachet.providers.replay;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.window.Window;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.ProviderException;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.CacheSimulator;

/**
 * A model that answers from a recorded session, turn by turn, whatever the window holds. Usage is what the
 * window would have been billed: its tokens run through a cache simulator, priced as {@link #model()}.
 */
public final class ReplayModelClient implements ModelClient {
    private final RecordedSession recording;
    private final String pricedAs;
    private final TokenCounter counter;
    private final CacheSimulator cache;
    private int next;

    public ReplayModelClient(RecordedSession recording, String pricedAs, TokenCounter counter, CacheSimulator cache) {
        this(recording, pricedAs, counter, cache, 0);
    }

    private ReplayModelClient(RecordedSession recording, String pricedAs, TokenCounter counter, CacheSimulator cache,
            int next) {
        this.recording = recording;
        this.pricedAs = pricedAs;
        this.counter = counter;
        this.cache = cache;
        this.next = next;
    }

    @Override
    public boolean answersAnything() {
        return false;
    }

    @Override
    public String model() {
        return pricedAs;
    }

    /** Answers from the recorded turn after the ones the session already has; the cache starts cold. */
    @Override
    public ModelClient continuing(int answeredTurns) {
        return new ReplayModelClient(recording, pricedAs, counter, cache, answeredTurns);
    }

    @Override
    public ModelResponse complete(Window window) {
        if (next >= recording.turns().size()) {
            throw new ProviderException("replay: " + recording.source() + " has " + recording.turns().size()
                    + " recorded turns and the session asked for turn " + (next + 1));
        }
        AssistantTurn turn = recording.turns().get(next++);
        Usage usage = cache.next(window, counter.count(turn));
        FinishReason finish = turn.toolCalls().isEmpty() ? FinishReason.END_TURN : FinishReason.TOOL_USE;
        return new ModelResponse(turn, usage, 0, finish);
    }
}
