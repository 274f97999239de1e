package dev.cachet.harness.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.state.PlanStep;
import dev.cachet.context.state.StepStatus;
import dev.cachet.context.state.TaskState;
import dev.cachet.providers.TextStream;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionLogs;
import dev.cachet.providers.session.StopReason;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveViewTest {
    private final StringWriter out = new StringWriter();
    private final List<Runnable> timers = new ArrayList<>();
    private long now;

    private LiveView view(boolean terminal, Style style) {
        Screen screen = new Screen(new PrintWriter(out), terminal);
        Spinner spinner = new Spinner(screen, style, () -> now, (period, task) -> {
            timers.add(task);
            return () -> timers.remove(task);
        });
        Map<String, String> files = Map.of("NOTES.md", "a\nb\nc\n");
        return new LiveView(screen, style, spinner, new SessionLogs(Path.of("/state")), Optional.of(new ResumeHint("")),
                path -> Optional.ofNullable(files.get(path)));
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void a_scripted_session_shows_each_call_with_its_arguments_and_outcome_in_plain_text_off_a_terminal() {
        LiveView view = view(false, Style.PLAIN);

        ScriptedSession.events().forEach(view::on);

        assertThat(out.toString()).doesNotContain("\u001b[", "\r");
        assertThat(lines()).containsSubsequence(
                "Running the check.",
                "turn   1  in 1,110 (cache read 1,000, write 100, uncached 10; tools 50%)  out 50  $0.0125 this turn  total $0.0125",
                "  > run_command $ sh check.sh",
                "    exit 1 (1.5s)",
                "    | ... 2 more lines above",
                "    | line 4",
                "    | line 5",
                "    | FAIL: width",
                "turn   2  in 1,110 (cache read 1,000, write 100, uncached 10; tools 50%)  out 50  $0.0020 this turn  total $0.0145",
                "  > edit_file src/Wrap.java",
                "    @@ -21,2 +21,2 @@",
                "    -  if (n < width) {",
                "    +  if (n <= width) {",
                "         fit();",
                "  > write_file NOTES.md",
                "    @@ -1,3 +1,3 @@",
                "     a",
                "    -b",
                "    +B",
                "     c",
                "compacted (mask): removed 3,210 tokens from the window; cache kept 1,000, 1,800 written again; "
                        + "predicted to save 4,000 input tokens net",
                "  > read_file src/Wrap.java:10-40",
                "    2 lines",
                "  > grep /width/ in src",
                "    3 matches in 2 files",
                "Done.",
                "  > finish",
                "    fixed the off-by-one",
                "stopped: done: the model called finish (4 turns)",
                "tokens:  input 4,440 (cache read 4,000, cache write 400, uncached 40), output 200",
                "cost:    $0.0165, cache hit rate 90.1%");
        assertThat(lines().get(0)).isEqualTo("session s-1  model claude-sonnet-4-6  strategy hybrid");
        assertThat(lines().get(1)).startsWith("  log /state/").endsWith("/s-1.jsonl");
        view.on(ScriptedSession.window(5));
        now = 1_000_000_000L;
        List.copyOf(timers).forEach(Runnable::run);
        assertThat(out.toString()).as("off a terminal the spinner never draws").doesNotContain("waiting for the model");
    }

    @Test
    void what_the_model_and_its_tools_wrote_reaches_the_terminal_shown_not_obeyed() {
        LiveView view = view(true, new Style(true));
        String osc52 = "\u001b]52;c;cm0gLXJmIH4=\u0007";
        ToolCall hostile = new ToolCall("c9", "run_command", "{\"command\":\"rm -rf ~ \\r\\u001b[2K" + "ls\"}");

        view.modelText().text("Done." + osc52);
        view.on(ScriptedSession.answer(1, "Done." + osc52, 0.01, hostile));
        view.on(new SessionEvent.ToolCalled(1, hostile));
        view.on(new SessionEvent.ToolReturned(1, new ToolResult("c9", "run_command", "exit code 0\n\u001b[8msecret\u009b2J",
                false), 3));
        view.on(new SessionEvent.Warned("a file named \u001b[30mx"));

        String shown = out.toString().replaceAll("\u001b\\[(?:[0-3]|2[1-3]|3[1-369])m", "");
        assertThat(shown).doesNotContain("\u001b", "\u0007", "\u009b")
                .contains("Done.\\u001b]52;c;cm0gLXJmIH4=\\u0007", "rm -rf ~ \\r\\u001b[2Kls", "\\u001b[8msecret\\u009b2J",
                        "a file named \\u001b[30mx");
    }

    @Test
    void a_tool_call_its_output_and_a_plan_step_cannot_draw_in_cachets_colours_nor_add_lines() {
        LiveView view = view(false, new Style(true));
        ToolCall call = new ToolCall("c8", "run_command", "{\"command\":\"ls \\u001b[1m\\u001b[36mgrep\"}");
        view.on(new SessionEvent.ToolCalled(1, call));
        view.on(new SessionEvent.ToolReturned(1, new ToolResult("c8", "run_command", "exit code 0\n\u001b[33mwarning: x",
                false), 3));
        ToolCall finish = new ToolCall("c7", "finish", "{\"summary\":\"S\"}");
        view.on(new SessionEvent.ToolCalled(1, finish));
        view.on(new SessionEvent.ToolReturned(1, new ToolResult("c7", "finish", "finished: S \u001b[31mREDSUMMARY", false),
                1));
        view.on(new SessionEvent.StateUpdated(1, TaskState.forGoal("g")
                .withPlan(List.of(new PlanStep("fix\n  > run_command \u001b[32mok",
                        StepStatus.TODO)))));

        assertThat(out.toString()).contains("S \\u001b[31mREDSUMMARY").doesNotContain("\u001b[31mREDSUMMARY");
        assertThat(out.toString()).contains("ls \\u001b[1m\\u001b[36mgrep", "\\u001b[33mwarning: x",
                "[todo] fix   > run_command \\u001b[32mok").doesNotContain("\u001b[33mwarning", "\u001b[32mok");
    }

    @Test
    void a_tool_name_the_model_made_up_is_shown_in_the_spinner_not_obeyed() {
        LiveView view = view(true, Style.PLAIN);
        view.on(new SessionEvent.ToolCalled(1, new ToolCall("c9", "no_such_tool\u001b[2J\rX", "{}")));
        now = 1_000_000_000L;
        timers.forEach(Runnable::run);

        assertThat(out.toString()).contains("no_such_tool\\u001b[2J\\rX").doesNotContain("\u001b[2J", "\rX");
    }

    @Test
    void streamed_text_is_shown_as_it_arrives_and_not_again_when_the_turn_is_complete() {
        LiveView view = view(false, Style.PLAIN);
        TextStream text = view.modelText();

        view.on(ScriptedSession.window(1));
        text.text("Running");
        text.text(" the");
        assertThat(out.toString()).isEqualTo("Running the");
        text.text(" check.");
        view.on(ScriptedSession.answer(1, "Running the check.", 0.01, ScriptedSession.CHECK));

        assertThat(lines()).hasSize(2).first().isEqualTo("Running the check.");
    }

    @Test
    void a_stream_asked_again_says_so_before_the_answer_starts_over() {
        LiveView view = view(false, Style.PLAIN);
        TextStream text = view.modelText();

        text.text("Runn");
        text.restarted("anthropic: the stream was cut short after 6 events");
        text.text("Running.");
        view.on(ScriptedSession.answer(1, "Running.", 0.01));

        assertThat(lines()).startsWith("Runn", "(anthropic: the stream was cut short after 6 events; asking again)", "Running.");
    }

    @Test
    void on_a_colour_terminal_outcomes_are_coloured_and_a_spinner_with_elapsed_time_runs_while_the_model_works() {
        LiveView view = view(true, new Style(true));
        view.on(ScriptedSession.window(1));
        now = 2_300_000_000L;
        timers.forEach(Runnable::run);

        assertThat(out.toString()).isEqualTo("\r\u001b[36m|\u001b[0m waiting for the model \u001b[2m2.3s\u001b[0m");

        view.on(ScriptedSession.answer(1, "", 0.01, ScriptedSession.EDIT));
        view.on(new SessionEvent.ToolCalled(1, ScriptedSession.EDIT));
        view.on(new SessionEvent.ToolReturned(1, new dev.cachet.context.message.ToolResult("c2", "edit_file",
                "edited src/Wrap.java: replaced 1 occurrence (now lines 21-22)", false), 3));

        assertThat(timers).isEmpty();
        assertThat(out.toString()).contains("\u001b[31m-  if (n < width) {\u001b[0m", "\u001b[32m+  if (n <= width) {\u001b[0m")
                .contains("\r");
    }

    @Test
    void a_failed_call_shows_its_error_and_a_limit_says_how_to_go_on() {
        LiveView view = view(false, Style.PLAIN);
        view.on(ScriptedSession.started());
        view.on(new SessionEvent.ToolCalled(1, ScriptedSession.EDIT));
        view.on(new SessionEvent.ToolReturned(1, new dev.cachet.context.message.ToolResult("c2", "edit_file",
                "old_string not found in src/Wrap.java; read the file and copy the text exactly", true), 3));
        view.on(new SessionEvent.Stopped(1, StopReason.MAX_TURNS, "reached 1 turn", dev.cachet.providers.Usage.ZERO, 0));

        assertThat(lines()).contains("    error: old_string not found in src/Wrap.java; read the file and copy the text exactly",
                "stopped: max turns: reached 1 turn (1 turn)", "to go on: cachet resume s-1 --max-turns 100");
    }

    @Test
    void a_ping_while_a_tool_runs_is_a_line_of_its_own_the_spinner_goes_on_and_the_summary_counts_the_pings() {
        LiveView view = view(true, Style.PLAIN);
        view.on(ScriptedSession.answer(1, "", 0.01, ScriptedSession.CHECK));
        view.on(new SessionEvent.ToolCalled(1, ScriptedSession.CHECK));
        dev.cachet.providers.Usage read = new dev.cachet.providers.Usage(10, 0, 20_000, 1, 0);
        view.on(new SessionEvent.Pinged(1, 1, read, 0.006045));
        view.on(new SessionEvent.Pinged(1, 2, read, 0.006045));

        assertThat(timers).hasSize(1);
        view.on(new SessionEvent.Stopped(1, StopReason.INTERRUPTED, "stopped by Ctrl-C", read, 0.0221));
        assertThat(lines()).contains(
                "  ping 1 after turn 1: read 20,000 cached tokens to keep them  $0.0060  total $0.0160",
                "  ping 2 after turn 1: read 20,000 cached tokens to keep them  $0.0060  total $0.0221",
                "pings:   2, $0.0121");
    }
}
