package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.strategy.ExtractiveSummarizer;
import dev.cachet.context.strategy.SummaryRequest;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BilledSummariesTest {
    private final WindowFactory windows = new WindowFactory(TokenCounter.o200k());
    private final List<Message> turns = List.of(
            AssistantTurn.calls("look at a", new ToolCall("c1", "read_file", "{\"path\":\"a.txt\"}")),
            new ToolResult("c1", "read_file", "line of a\n".repeat(1_000), false));

    @Test
    void each_summary_is_billed_as_the_request_a_live_session_sends_and_the_summary_as_its_answer() {
        BilledSummaries summaries = new BilledSummaries(windows);

        String summary = summaries.summarize("", turns);
        String next = summaries.summarize(summary, turns.subList(0, 1));

        assertThat(summary).isEqualTo(new ExtractiveSummarizer().summarize("", turns));
        long asked = SummaryRequest.window(windows, SummaryRequest.PROMPT, "", turns).tokens()
                + SummaryRequest.window(windows, SummaryRequest.PROMPT, summary, turns.subList(0, 1)).tokens();
        long answered = windows.counter().count(AssistantTurn.text(summary)) + windows.counter().count(AssistantTurn.text(next));
        // The request has no breakpoint: all of it is uncached input.
        assertThat(summaries.take()).isEqualTo(new Usage(asked, 0, 0, answered, 0));
        assertThat(summaries.take()).as("taken once").isEqualTo(Usage.ZERO);
    }

    @Test
    void a_tool_result_is_billed_only_as_far_as_the_summarizer_sees_it() {
        BilledSummaries summaries = new BilledSummaries(windows);
        summaries.summarize("", turns);

        long whole = windows.counter().count(turns.get(1));
        assertThat(summaries.take().uncachedInput()).isLessThan(whole);
    }
}
