package dev.cachet.harness.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.ScriptedModelClient;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSummarizerTest {
    private static final ModelPrice PRICE = new ModelPrice(3.00, 15.00, 3.75, 6.00, 0.30);

    private final List<SessionEvent> events = new ArrayList<>();
    private final Ledger ledger = new Ledger(PRICE);
    private final Usage usage = new Usage(1_000, 0, 0, 200, 0);
    private final ScriptedModelClient model = ScriptedModelClient.of(usage, AssistantTurn.text("  the summary  "));
    private final ModelSummarizer summarizer = new ModelSummarizer(
            model, new WindowFactory(TokenCounter.o200k()), "PROMPT", ledger, events::add);

    @Test
    void asks_the_model_with_the_prompt_the_previous_summary_and_the_turns() {
        List<Message> turns = List.of(
                AssistantTurn.calls("look at a", new ToolCall("c1", "read_file", "{\"path\":\"a.txt\"}")),
                new ToolResult("c1", "read_file", "x".repeat(5_000), false),
                new ToolResult("c2", "grep", "bad regex", true));

        String summary = summarizer.summarize("earlier summary", turns);

        assertThat(summary).isEqualTo("the summary");
        Window sent = model.windows().get(0);
        assertThat(sent.tools()).isEmpty();
        assertThat(sent.breakpoints()).as("no later request starts with it: a cache write would be wasted").isEmpty();
        assertThat(sent.messages()).hasSize(2);
        assertThat(sent.messages().get(0).toString()).contains("PROMPT");
        String request = ((UserText) sent.messages().get(1)).text();
        assertThat(request).startsWith("Summary so far:\nearlier summary\n\nTurns to add to the summary:\n")
                .contains("assistant: look at a\ncall read_file {\"path\":\"a.txt\"}\n")
                .contains("result of read_file:\n").contains("characters cut")
                .contains("error from grep:\nbad regex");
    }

    @Test
    void charges_the_summary_to_the_session_and_logs_it_with_its_text() {
        String summary = summarizer.summarize("", List.of(new UserText("hi")));

        double expected = (1_000 * 3.00 + 200 * 15.00) / 1e6;
        assertThat(ledger.costUsd()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ledger.usage()).isEqualTo(usage);
        assertThat(events).containsExactly(new SessionEvent.SummaryResponded(usage, ledger.costUsd(), summary));
    }
}
