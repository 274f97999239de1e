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
}
