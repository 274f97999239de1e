package dev.cachet.harness.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.providers.session.SessionEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The views for scripts and for quiet runs. */
class ScriptViewsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void json_lines_are_one_session_event_each_that_reads_back_as_the_event() throws Exception {
        JsonLinesView view = new JsonLinesView(new PrintWriter(out));
        List<SessionEvent> events = ScriptedSession.events();

        events.forEach(view::on);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(events.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = Json.mapper().readTree(lines.get(i));
            assertThat(line.get("type").asText()).isEqualTo(SessionEvent.typeOf(events.get(i).getClass()));
            assertThat(Json.mapper().treeToValue(line, SessionEvent.class)).isEqualTo(events.get(i));
        }
    }

    @Test
    void quiet_prints_only_the_summary_and_sends_warnings_to_stderr() {
        QuietView view = new QuietView(new PrintWriter(out), new PrintWriter(err), Optional.of(new ResumeHint("")));

        view.on(new SessionEvent.Warned("mcp server 'x' did not start"));
        ScriptedSession.events().forEach(view::on);

        assertThat(out.toString().lines()).containsExactly("stopped: done: the model called finish (4 turns)",
                "tokens:  input 4,440 (cache read 4,000, cache write 400, uncached 40), output 200",
                "cost:    $0.0165, cache hit rate 90.1%");
        assertThat(err.toString()).isEqualTo("warning: mcp server 'x' did not start\n");
    }

    @Test
    void a_resumed_sessions_summary_counts_the_pings_sent_before_it_was_resumed() throws Exception {
        StringWriter out = new StringWriter();
        QuietView view = new QuietView(new PrintWriter(out), new PrintWriter(new StringWriter()), Optional.empty());
        dev.cachet.providers.Usage read = new dev.cachet.providers.Usage(10, 0, 20_000, 1, 0);
        SessionEvent.Resumed resumed = new SessionEvent.Resumed("s-1", 1, "anthropic:claude-sonnet-4-6", null,
                "hybrid", java.util.Map.of(), dev.cachet.providers.session.Limits.DEFAULT, read, 0.02, 1, 0.006);

        view.on(resumed);
        view.on(new SessionEvent.Pinged(2, 1, read, 0.006));
        view.on(new SessionEvent.Stopped(2, dev.cachet.providers.session.StopReason.DONE, "", read, 0.03));

        assertThat(out.toString()).contains("pings:   2, $0.0120");
        // Logged and read back with them; a log written before they were has none.
        String line = Json.mapper().writeValueAsString(resumed);
        assertThat(Json.mapper().readValue(line, SessionEvent.class)).isEqualTo(resumed);
        SessionEvent older = Json.mapper().readValue(line.replace(",\"pings\":1", "").replace(",\"ping_cost_usd\":0.006",
                ""), SessionEvent.class);
        assertThat(((SessionEvent.Resumed) older).pings()).isZero();
    }
}
