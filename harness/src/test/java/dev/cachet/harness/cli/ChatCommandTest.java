package dev.cachet.harness.cli;

import static dev.cachet.harness.cli.Recording.call;
import static dev.cachet.harness.cli.Recording.command;
import static dev.cachet.harness.cli.Recording.finish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.state.StepStatus;
import dev.cachet.harness.resume.SessionFiles;
import dev.cachet.providers.session.LoggedEvent;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionLogReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jgit.api.Git;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cachet chat` (and `cachet` alone) driven through a dumb JLine terminal against a recorded model. */
class ChatCommandTest {
    @TempDir
    Path dir;

    private Path workspace;

    @BeforeEach
    void aWorkspaceUnderGit() throws Exception {
        workspace = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(workspace.resolve("NOTES.md"), "one\n");
        try (Git git = Git.init().setDirectory(workspace.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("start").setSign(false).setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com").call();
        }
    }

    private Path recording(AssistantTurn... turns) throws IOException {
        return Recording.write(dir.resolve("recording.jsonl"), turns);
    }

    private CliRun chat(ChatRun terminal, Path recording, String... extra) {
        List<String> args = new ArrayList<>(List.of("chat", "-w", workspace.toString(), "--sandbox", "full",
                "--model", "replay:" + recording));
        args.addAll(List.of(extra));
        return terminal.run(args.toArray(String[]::new));
    }

    private List<Path> logs() {
        return SessionFiles.of(CliRun.sessionLogs(Map.of()), workspace).all();
    }

    private List<SessionEvent> events() {
        return new SessionLogReader(warning -> { }).read(logs().get(0)).stream().map(LoggedEvent::event).toList();
    }

    private static AssistantTurn edit(String id, String from, String to) {
        return call(id, "edit_file", "{\"path\":\"NOTES.md\",\"old_string\":\"" + from + "\",\"new_string\":\"" + to + "\"}");
    }

    @Test
    void a_task_then_a_follow_up_run_in_one_session_whose_log_holds_both_messages() throws IOException {
        Path recording = recording(edit("c1", "one", "two"), finish("c2"), edit("c3", "two", "three"), finish("c4"));

        CliRun chat = chat(new ChatRun("make it two", "now make it three"), recording);

        assertThat(chat.exitCode()).as(chat.err()).isZero();
        assertThat(logs()).hasSize(1);
        assertThat(events()).filteredOn(SessionEvent.UserSaid.class::isInstance)
                .extracting(e -> ((SessionEvent.UserSaid) e).text()).containsExactly("now make it three");
        assertThat(((SessionEvent.Started) events().get(0)).task()).isEqualTo("make it two");
        assertThat(Files.readString(workspace.resolve("NOTES.md"))).isEqualTo("three\n");
        String id = logs().get(0).getFileName().toString().replace(".jsonl", "");
        assertThat(chat.out()).contains("edit_file NOTES.md").contains("session " + id + ": 2 requests, 4 turns")
                .contains("cost:    $").contains("to go on: cachet chat --resume " + id);
    }

    @Test
    void a_chat_session_resumes_on_its_logged_model_without_a_key_for_the_default_one() throws IOException {
        Path recording = recording(edit("c1", "one", "two"), finish("c2"), edit("c3", "two", "three"), finish("c4"));
        chat(new ChatRun("make it two"), recording);
        String id = logs().get(0).getFileName().toString().replace(".jsonl", "");

        // No --model, and no ANTHROPIC_API_KEY for the default model: the session's own model answers.
        CliRun resumed = new ChatRun("now make it three").run("chat", "-w", workspace.toString(), "--sandbox", "full",
                "--resume", id);

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resumed session " + id + " after turn 2");
        assertThat(Files.readString(workspace.resolve("NOTES.md"))).isEqualTo("three\n");
    }

    @Test
    void a_chat_session_resumes_with_its_follow_up() throws IOException {
        Path recording = recording(edit("c1", "one", "two"), finish("c2"), edit("c3", "two", "three"), finish("c4"));
        chat(new ChatRun("make it two"), recording);
        String id = logs().get(0).getFileName().toString().replace(".jsonl", "");

        CliRun resumed = chat(new ChatRun("now make it three"), recording, "--resume", id);

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(logs()).hasSize(1);
        assertThat(resumed.out()).contains("resumed session " + id + " after turn 2");
        assertThat(Files.readString(workspace.resolve("NOTES.md"))).isEqualTo("three\n");
    }

    @Test
    void slash_commands_show_the_state_cost_context_tools_and_diff() throws IOException {
        Path recording = recording(edit("c1", "one", "two"), finish("c2"));

        CliRun chat = chat(new ChatRun("/state", "make it two", "/state", "/cost", "/context", "/tools", "/diff",
                "/help", "/nonsense"), recording);

        assertThat(chat.exitCode()).as(chat.err()).isZero();
        assertThat(chat.out())
                .contains("no session yet: type a task first; /state needs one")
                .contains("Goal: make it two").contains("NOTES.md: edited")
                .contains("tokens:  input").contains("burn:    $")
                .contains("window of the last request:").contains("  system ").contains("  tools ")
                .contains("breakpoint after message")
                .contains("  edit_file ").contains("  run_command ")
                .contains("-one").contains("+two")
                .contains("/undo").contains("revert the last file change")
                .contains("unknown command /nonsense; /help lists them");
    }

    @Test
    void what_the_agent_wrote_is_shown_by_slash_commands_not_obeyed() throws IOException {
        Path recording = recording(edit("c1", "one", "two\\u001b]52;c;cm0gLXJmIH4=\\u0007"), finish("c2"));

        CliRun chat = chat(new ChatRun("make it two", "/diff"), recording);

        assertThat(chat.exitCode()).as(chat.err()).isZero();
        assertThat(chat.out()).contains("+two\\u001b]52;c;cm0gLXJmIH4=\\u0007").doesNotContain("\u001b]52");
    }

    @Test
    void undo_restores_the_file_the_agent_changed_last_and_tells_the_model() throws IOException {
        Path recording = recording(edit("c1", "one", "two"), call("c2", "write_file",
                "{\"path\":\"NEW.md\",\"content\":\"new\\n\"}"), finish("c3"), finish("c4"));

        CliRun chat = chat(new ChatRun("change things", "/undo", "/undo", "/undo", "what now?"), recording);

        assertThat(chat.exitCode()).as(chat.err()).isZero();
        assertThat(chat.out()).contains("removed NEW.md, which turn 2's write_file created")
                .contains("restored NOTES.md as it was before turn 1's edit_file")
                .contains("nothing to undo");
        assertThat(workspace.resolve("NEW.md")).doesNotExist();
        assertThat(Files.readString(workspace.resolve("NOTES.md"))).isEqualTo("one\n");
        assertThat(events()).filteredOn(SessionEvent.UserSaid.class::isInstance)
                .extracting(e -> ((SessionEvent.UserSaid) e).text()).singleElement().asString()
                .contains("The user undid a change of yours: removed NEW.md").endsWith("what now?");
    }

    @Test
    void strategy_switches_from_the_next_request_and_the_log_says_so() throws IOException {
        Path recording = recording(finish("c1"), finish("c2"));

        CliRun chat = chat(new ChatRun("/strategy", "/strategy masking", "do it", "/strategy transcript", "again",
                "/strategy nosuch"), recording, "--strategy", "hybrid");

        assertThat(chat.exitCode()).as(chat.err()).isZero();
        assertThat(chat.out()).contains("strategy hybrid; /strategy NAME switches")
                .contains("strategy hybrid -> masking").contains("strategy masking -> transcript from the next request")
                .contains("/strategy: unknown strategy 'nosuch'");
        assertThat(((SessionEvent.Started) events().get(0)).strategy()).isEqualTo("masking");
        assertThat(events()).filteredOn(SessionEvent.StrategyChanged.class::isInstance)
                .extracting(e -> ((SessionEvent.StrategyChanged) e).strategy()).containsExactly("transcript");
    }

    @Test
    void ctrl_c_stops_the_turn_under_way_and_the_chat_goes_on() throws Exception {
        Path ready = dir.resolve("ready");
        new ProcessBuilder("mkfifo", ready.toString()).start().waitFor();
        Path recording = recording(command("c1", "echo running > " + ready + "; exec sleep 3518"), finish("c2"));
        ChatRun terminal = new ChatRun("wait for it", "go on", "/cost");

        CompletableFuture<CliRun> chat = CompletableFuture.supplyAsync(() -> chat(terminal, recording));
        CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(ready); // opens when the command writes to it: the command is running
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CompletableFuture.anyOf(running, chat).join();
        assertThat(chat).as("the chat ended before its command ran").isNotDone();
        terminal.terminal().raise(Terminal.Signal.INT);
        CliRun ended = chat.join();

        assertThat(ended.exitCode()).as(ended.err()).isZero();
        assertThat(ended.out()).contains("stopping this turn (Ctrl-C); the chat goes on")
                .contains("stopped: interrupted: stopped by Ctrl-C (1 turn)")
                .contains("stopped: done: the model called finish (2 turns)")
                .contains("session ").contains("2 requests, 2 turns");
        assertThat(events()).filteredOn(SessionEvent.ToolReturned.class::isInstance).first()
                .satisfies(e -> assertThat(((SessionEvent.ToolReturned) e).result().content())
                        .startsWith("stopped: the user stopped the turn"));
    }

    @Test
    void a_recording_that_is_not_there_is_one_line_before_any_prompt() {
        CliRun chat = new ChatRun("hello").run("chat", "-w", workspace.toString(), "--model",
                "replay:" + dir.resolve("none.jsonl"));

        assertThat(chat.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(chat.err().strip()).contains("none.jsonl").doesNotContain("\n");
        assertThat(chat.out()).doesNotContain("cachet chat in");
    }

    @Test
    void without_a_terminal_it_is_bad_usage_pointing_at_run() {
        CliRun chat = CliRun.of("chat", "-w", workspace.toString());

        assertThat(chat.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(chat.err().strip()).isEqualTo("cachet: cachet chat needs a terminal, and stdin or stdout is not one; "
                + "in scripts use cachet run TASK (see 'cachet chat --help')");
    }

    @Test
    void plan_first_sends_a_request_without_tools_and_the_plan_lands_in_the_task_state() throws IOException {
        Path recording = recording(AssistantTurn.calls("Plan:\n1. Read NOTES.md\n2. **Change** it\n3. Check it"),
                edit("c1", "one", "two"), finish("c2"));

        CliRun chat = chat(new ChatRun("/plan make it two", "/plan", "/exit"), recording);

        assertThat(chat.exitCode()).as(chat.err()).isZero();
        List<SessionEvent> events = events();
        SessionEvent.WindowRendered first = (SessionEvent.WindowRendered) events.stream()
                .filter(SessionEvent.WindowRendered.class::isInstance).findFirst().orElseThrow();
        assertThat(first.segmentTokens()).doesNotContainKey("tools");
        SessionEvent.WindowRendered second = (SessionEvent.WindowRendered) events.stream()
                .filter(SessionEvent.WindowRendered.class::isInstance).skip(1).findFirst().orElseThrow();
        assertThat(second.segmentTokens()).containsKey("tools");
        SessionEvent.StateUpdated planned = (SessionEvent.StateUpdated) events.stream()
                .filter(SessionEvent.StateUpdated.class::isInstance).findFirst().orElseThrow();
        assertThat(planned.state().plan()).extracting(step -> step.text())
                .containsExactly("Read NOTES.md", "Change it", "Check it");
        assertThat(planned.state().plan().get(0).status()).isEqualTo(StepStatus.IN_PROGRESS);
        assertThat(chat.out()).contains("plan: 3 steps").contains("1. [in_progress] Read NOTES.md");
    }

    @Test
    void compact_shows_its_price_asks_and_compacts_the_next_window() throws IOException {
        Files.writeString(workspace.resolve("NOTES.md"), "a line of notes that takes some tokens\n".repeat(200));
        AssistantTurn read = call("r", "read_file", "{\"path\":\"NOTES.md\"}");
        Path recording = recording(read, call("r2", "read_file", "{\"path\":\"NOTES.md\"}"), finish("c1"), finish("c2"));

        CliRun chat = chat(new ChatRun("/compact", "read it twice", "/compact", "y", "again"), recording,
                "--strategy", "hybrid", "-P", "hybrid.keep=1");

        assertThat(chat.exitCode()).as(chat.err()).isZero();
        assertThat(chat.out()).contains("no session yet: type a task first; /compact needs one")
                .containsPattern("mask would remove [0-9,]+ tokens of [0-9,]+-token window")
                .contains("predicted net saving").contains("the next request's window is compacted (mask)");
        assertThat(events()).filteredOn(SessionEvent.Compacted.class::isInstance)
                .anySatisfy(e -> assertThat(((SessionEvent.Compacted) e).turn()).isEqualTo(4));
    }

    @Test
    void compact_with_a_strategy_that_compacts_on_its_own_says_so() throws IOException {
        Path recording = recording(finish("c1"));

        CliRun chat = chat(new ChatRun("do it", "/compact"), recording, "--strategy", "transcript");

        assertThat(chat.out()).contains("strategy transcript compacts on its own schedule only");
    }

    @Test
    void run_with_plan_asks_for_the_plan_without_tools_and_logs_it() throws IOException {
        Path recording = recording(AssistantTurn.calls("1. Change NOTES.md\n2. Check it"), edit("c1", "one", "two"),
                finish("c2"));

        CliRun run = CliRun.of("run", "-w", workspace.toString(), "--sandbox", "full", "--model", "replay:" + recording,
                "--plan", "make it two");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("plan: 2 steps").contains("  1. [in_progress] Change NOTES.md");
        List<SessionEvent> events = events();
        assertThat(events).filteredOn(SessionEvent.ModelResponded.class::isInstance).first()
                .satisfies(e -> assertThat(((SessionEvent.ModelResponded) e).toolSchemaTokens()).isZero());
        assertThat(events).filteredOn(SessionEvent.UserSaid.class::isInstance).hasSize(2)
                .first().satisfies(e -> assertThat(((SessionEvent.UserSaid) e).text()).contains("numbered list"));
        assertThat(events).filteredOn(SessionEvent.StateUpdated.class::isInstance).first()
                .satisfies(e -> assertThat(((SessionEvent.StateUpdated) e).state().plan()).hasSize(2));
        assertThat(Files.readString(workspace.resolve("NOTES.md"))).isEqualTo("two\n");
    }

    @Test
    void cachet_alone_without_a_terminal_prints_its_usage_error_as_before() {
        CliRun alone = CliRun.of();

        assertThat(alone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(alone.err()).contains("Missing required subcommand").contains("cachet --help");
    }

    @Test
    void cachet_alone_on_a_terminal_opens_a_chat() {
        // The workspace is where the test runs, which holds the tests' home: a home of its own keeps it a project.
        CliRun alone = new ChatRun("/help").withEnvironment(Map.of("ANTHROPIC_API_KEY", "not-a-key", "HOME",
                dir.resolve("home").toString())).run();

        assertThat(alone.exitCode()).as(alone.err()).isZero();
        assertThat(alone.out()).contains("cachet chat in").contains("/compact").contains("no task was given; nothing logged");
    }
}
