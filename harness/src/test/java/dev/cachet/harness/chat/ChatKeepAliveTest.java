package dev.cachet.harness.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.harness.Harness;
import dev.cachet.harness.OpenSession;
import dev.cachet.harness.RunSpec;
import dev.cachet.harness.SimulatedSessions;
import dev.cachet.harness.loop.PingingModel;
import dev.cachet.harness.view.LiveView;
import dev.cachet.harness.view.Screen;
import dev.cachet.harness.view.Spinner;
import dev.cachet.harness.view.Style;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.ScriptedModelClient;
import dev.cachet.providers.Usage;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat waiting for the user is an idle stretch: its session's cache is pinged until the user types again, and a ping
 * that goes out while the user types is told above the prompt, their input kept.
 */
class ChatKeepAliveTest {
    private static final Usage CALL = new Usage(10, 2_000, 18_000, 50, 0);
    private static final Usage PING = new Usage(10, 0, 20_000, 1, 0);

    @TempDir
    Path dir;

    @Test
    void a_chat_waiting_for_the_user_pings_up_to_n_times_and_never_after_it_ends() throws IOException {
        SimulatedSessions sessions = new SimulatedSessions(dir.resolve("state"));
        PingingModel model = model("What should I look at?", "Nothing there.");
        StringWriter screen = new StringWriter();
        Deque<Runnable> user = new ArrayDeque<>(List.of(
                () -> { },
                () -> sessions.time().advance(Duration.ofMinutes(12)),
                () -> sessions.time().advance(Duration.ofMinutes(3))));
        Deque<String> typed = new ArrayDeque<>(List.of("look around", "the tests", "/cost"));
        ChatInput input = prompt -> {
            if (user.isEmpty()) {
                return new ChatInput.Input.End();
            }
            user.pop().run();
            return new ChatInput.Input.Line(typed.pop());
        };

        Path workspace = Files.createDirectories(dir.resolve("ws"));
        try (ChatSession session = new ChatSession(opener(sessions.harness(),
                SimulatedSessions.anthropic(model, ModelSpec.FIVE_MINUTES), event -> { }),
                SimulatedSessions.spec(workspace, "", 2, Approver.ALWAYS), new TurnStop(), sessions.time())) {
            PrintWriter out = new PrintWriter(screen, true);
            Chats.create(session, out, Style.PLAIN, name -> null, List.of(), Sandbox.of(SandboxMode.FULL), names -> input)
                    .run();
        }
        sessions.time().advance(Duration.ofHours(1));

        // Twelve minutes at the prompt: pings at 4.5 and 9, the third not sent (N = 2); three minutes: none.
        assertThat(model.requests()).containsExactly("call", "ping", "ping", "call");
        assertThat(model.pinged()).containsOnly(model.called().get(0));
        // In /cost and in the summary the chat ends with: 2 x 6,045 micro-dollars.
        assertThat(screen.toString().split("pings:   2, \\$0.0121", -1)).hasSize(3);
        assertThat(sessions.time().lastClosed()).isTrue();
    }

    @Test
    void a_ping_at_the_prompt_is_printed_above_it_and_the_half_typed_line_is_drawn_again_below() throws IOException {
        SimulatedSessions sessions = new SimulatedSessions(dir.resolve("state"));
        PingingModel model = model("What next?", "Done.");
        String first = "look around\n";
        String typed = first + "half typed\n";
        // The user has typed "half" at the second prompt when five minutes pass: the first ping goes out then.
        InputStream keys = new Keys(typed.getBytes(StandardCharsets.UTF_8), first.length() + "half".length(),
                () -> sessions.time().advance(Duration.ofMinutes(5)));
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Path workspace = Files.createDirectories(dir.resolve("ws"));

        try (Terminal terminal = new DumbTerminal("cachet-test", Terminal.TYPE_DUMB, keys, screen, StandardCharsets.UTF_8)) {
            PrintWriter out = terminal.writer();
            PromptLines lines = new PromptLines(out);
            Screen lineScreen = new Screen(out, false, lines);
            LiveView view = new LiveView(lineScreen, Style.PLAIN, new Spinner(lineScreen, Style.PLAIN, System::nanoTime,
                    Spinner.Timer.NONE), sessions.harness().sessionLogs(), Optional.empty(), LiveView.FileLookup.NONE);
            try (ChatSession session = new ChatSession(opener(sessions.harness(),
                    SimulatedSessions.anthropic(model, ModelSpec.FIVE_MINUTES), view),
                    SimulatedSessions.spec(workspace, "", 2, Approver.ALWAYS), new TurnStop(), sessions.time())) {
                Chats.create(session, out, Style.PLAIN, name -> null, List.of(), Sandbox.of(SandboxMode.FULL),
                        names -> Chats.input(terminal, dir.resolve("history"), names, lines)).run();
            }
        }

        assertThat(model.requests()).containsExactly("call", "ping", "call");
        // The prompt's line is cleared, the ping takes it, and the prompt comes back below with what was typed.
        assertThat(screen.toString(StandardCharsets.UTF_8))
                .containsPattern("\\r +\\r  ping 1 after turn 1: read 20,000 cached tokens to keep them  \\$0\\.0060  "
                        + "total \\$[0-9.]+\\r?\\n> half");
    }

    private static PingingModel model(String... answers) {
        return new PingingModel(ScriptedModelClient.of(CALL, Arrays.stream(answers).map(AssistantTurn::text)
                .toArray(AssistantTurn[]::new)), PING);
    }

    /** Opens the chat's session, shown by {@code view}. */
    private static ChatSession.Opener opener(Harness harness, PricedClient client, SessionListener view) {
        return new ChatSession.Opener() {
            @Override
            public OpenSession open(RunSpec spec, SessionListener listener) {
                return harness.open(spec, client, SessionListener.all(List.of(view, listener)));
            }

            @Override
            public OpenSession reopen(Optional<String> id, SessionListener listener) {
                throw new UnsupportedOperationException("the test resumes nothing");
            }
        };
    }

    /** What the user types, key by key as the reader asks; {@code meanwhile} happens before key {@code at} is asked. */
    private static final class Keys extends InputStream {
        private final byte[] typed;
        private final int at;
        private final Runnable meanwhile;
        private int next;

        Keys(byte[] typed, int at, Runnable meanwhile) {
            this.typed = typed;
            this.at = at;
            this.meanwhile = meanwhile;
        }

        @Override
        public int read() {
            if (next == at) {
                meanwhile.run();
            }
            return next < typed.length ? typed[next++] : -1;
        }
    }
}
