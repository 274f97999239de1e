package dev.cachet.context.strategy;

import static dev.cachet.context.strategy.TestSessions.fixedPrefixTokens;
import static dev.cachet.context.strategy.TestSessions.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.SystemText;
import dev.cachet.context.message.UserText;
import dev.cachet.context.strategy.TestSessions.Turn;
import dev.cachet.context.window.Breakpoint;
import dev.cachet.context.window.Compaction;
import dev.cachet.context.window.Segment;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryStrategyTest {
    private static final String FIRST_SUMMARY = "Summary of earlier turns:\n"
            + "- assistant: Let me look around.\n"
            + "- run_command {\"command\":\"ls -R src\"} -> exit code 0\n"
            + "- assistant: Reading the parser.\n"
            + "- read_file {\"path\":\"src/main/Parser.java\"} -> class Parser { // version 1\n"
            + "- assistant: Running the tests.\n"
            + "- run_command {\"command\":\"mvn -q test\"} -> exit code 1\n";

    private final TokenCounter counter = TestSessions.COUNTER;
    private final List<Turn> fixed = TestSessions.fixed();
    private final RecordingSummarizer summarizer = new RecordingSummarizer();

    /** Passes through to the extractive summarizer and remembers what it was asked. */
    private static final class RecordingSummarizer implements Summarizer {
        final List<String> previous = new ArrayList<>();
        final List<List<Message>> folded = new ArrayList<>();
        final List<String> written = new ArrayList<>();

        @Override
        public String summarize(String before, List<Message> messages) {
            previous.add(before);
            folded.add(List.copyOf(messages));
            written.add(new ExtractiveSummarizer().summarize(before, messages));
            return written.get(written.size() - 1);
        }
    }

    private List<Window> render(int maxTokens, int keepTurns) {
        return TestSessions.renderEachTurn(new SummaryStrategy(new WindowFactory(counter), summarizer, maxTokens, keepTurns),
                TestSessions.newSession(), fixed);
    }

    /** The transcript's tokens after this many turns of the fixed session, summed message by message. */
    private int transcriptTokens(int turns) {
        return fixedPrefixTokens(counter) + tokens(counter, TestSessions.history(fixed.subList(0, turns)));
    }

    private static List<Message> messagesOf(List<Turn> turns) {
        List<Message> messages = new ArrayList<>();
        turns.forEach(turn -> messages.addAll(turn.messages()));
        return messages;
    }

    @Test
    void below_max_tokens_it_is_the_append_only_transcript() {
        List<Window> windows = render(1_000_000, 2);

        for (int turn = 0; turn <= 14; turn++) {
            Window window = windows.get(turn);
            assertThat(window.compaction()).isEmpty();
            assertThat(window.messages().subList(1, window.messages().size()))
                    .containsExactlyElementsOf(TestSessions.history(fixed.subList(0, turn)));
            assertThat(window.tokens()).isEqualTo(transcriptTokens(turn));
        }
        assertThat(summarizer.folded).isEmpty();
    }

    @Test
    void above_max_tokens_it_folds_all_but_the_last_turns_into_an_extractive_summary_next_to_the_task() {
        List<Window> windows = render(transcriptTokens(4), 2);

        for (int turn = 0; turn <= 4; turn++) {
            assertThat(windows.get(turn).compaction()).as("turn %d", turn).isEmpty();
        }
        Window window = windows.get(5);
        List<Message> expected = new ArrayList<>(List.of(new SystemText(TestSessions.SYSTEM),
                new UserText(TestSessions.TASK + "\n\n" + FIRST_SUMMARY)));
        expected.addAll(messagesOf(fixed.subList(3, 5)));
        assertThat(window.messages()).containsExactlyElementsOf(expected);
        assertThat(window.segments()).extracting(Segment::kind)
                .containsExactly(SegmentKind.SYSTEM, SegmentKind.STATE, SegmentKind.HISTORY);
        assertThat(window.breakpoints()).extracting(Breakpoint::messages).containsExactly(1, 2, 6);

        int compacted = fixedPrefixTokens(counter) + tokens(counter, expected.subList(1, expected.size()));
        assertThat(window.tokens()).isEqualTo(compacted);
        assertThat(window.compaction()).contains(new Compaction("summary", transcriptTokens(5) - compacted,
                fixedPrefixTokens(counter), compacted - fixedPrefixTokens(counter), 0));
        assertThat(summarizer.previous.get(0)).isEmpty();
        assertThat(summarizer.folded.get(0)).containsExactlyElementsOf(messagesOf(fixed.subList(0, 3)));
    }

    @Test
    void after_a_summary_it_is_append_only_again_until_the_threshold_and_the_second_summary_continues_the_first() {
        int maxTokens = transcriptTokens(4);
        List<Window> windows = render(maxTokens, 2);

        // Predict the second summary: the window after the first one, grown turn by turn, first passing max_tokens.
        int base = fixedPrefixTokens(counter) + counter.count(new UserText(TestSessions.TASK + "\n\n" + FIRST_SUMMARY));
        int second = -1;
        for (int turn = 6; turn <= 14 && second < 0; turn++) {
            if (base + tokens(counter, messagesOf(fixed.subList(3, turn))) > maxTokens) {
                second = turn;
            }
        }
        assertThat(second).as("the fixed session passes max_tokens a second time").isBetween(7, 14);

        for (int turn = 6; turn < second; turn++) {
            Window window = windows.get(turn);
            assertThat(window.compaction()).as("turn %d", turn).isEmpty();
            List<Message> before = windows.get(turn - 1).messages();
            assertThat(window.messages().subList(0, before.size())).as("turn %d", turn).isEqualTo(before);
        }
        Window window = windows.get(second);
        assertThat(window.compaction()).map(Compaction::kind).contains("summary");
        assertThat(summarizer.previous).containsExactly("", FIRST_SUMMARY);
        assertThat(summarizer.folded.get(1)).containsExactlyElementsOf(messagesOf(fixed.subList(3, second - 2)));

        String state = ((UserText) window.messages().get(1)).text();
        assertThat(state).startsWith(TestSessions.TASK + "\n\n" + FIRST_SUMMARY)
                .contains("- grep {\"pattern\":\"parseNumber\"} -> src/main/Parser.java:57: int parseNumber(String s) {\n")
                .contains("- edit_file {\"path\":\"src/main/Parser.java\",\"old\":\"i + 1\",\"new\":\"i\"} -> edited src/main/Parser.java\n");
        assertThat(state.substring((TestSessions.TASK + "\n\n" + FIRST_SUMMARY).length())).doesNotContain("Summary of earlier turns");
        assertThat(window.messages().subList(2, window.messages().size()))
                .containsExactlyElementsOf(messagesOf(fixed.subList(second - 2, second)));
    }

    @Test
    void while_a_summary_stands_every_window_shows_the_one_message_of_it() {
        List<Window> windows = render(transcriptTokens(4), 2);

        // The windows between the two summaries of the test above: the state message is one instance, not equal copies
        // whose long text every cache lookup and prefix comparison would read again.
        Message first = windows.get(5).messages().get(1);
        for (int turn = 6; turn <= 14 && windows.get(turn).compaction().isEmpty(); turn++) {
            assertThat(windows.get(turn).messages().get(1)).as("turn %d", turn).isSameAs(first);
        }
        assertThat(windows.get(6).compaction()).isEmpty();
    }

    @Test
    void when_only_the_kept_turns_remain_it_cannot_fold_and_sends_the_transcript() {
        List<Window> windows = render(0, 20);

        for (int turn = 0; turn <= 14; turn++) {
            assertThat(windows.get(turn).compaction()).isEmpty();
            assertThat(windows.get(turn).tokens()).isEqualTo(transcriptTokens(turn));
        }
        assertThat(summarizer.folded).isEmpty();
    }
}
