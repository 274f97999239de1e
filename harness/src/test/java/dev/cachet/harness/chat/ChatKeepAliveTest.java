package dev.cachet.harness.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.harness.Harness;
import dev.cachet.harness.OpenSession;
import dev.cachet.harness.RunSpec;
import dev.cachet.harness.SimulatedSessions;
import dev.cachet.harness.loop.PingingModel;
import dev.cachet.harness.view.Style;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.ScriptedModelClient;
import dev.cachet.providers.Usage;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.tools.sandbox.Approver;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chat waiting for the user is an idle stretch: its session's cache is pinged until the user types again. */
class ChatKeepAliveTest {
    private static final Usage CALL = new Usage(10, 2_000, 18_000, 50, 0);
    private static final Usage PING = new Usage(10, 0, 20_000, 1, 0);

    @TempDir
    Path dir;

    @Test
    void a_chat_waiting_for_the_user_pings_up_to_n_times_and_never_after_it_ends() throws IOException {
        SimulatedSessions sessions = new SimulatedSessions(dir.resolve("state"));
        PingingModel model = new PingingModel(ScriptedModelClient.of(CALL,
                AssistantTurn.text("What should I look at?"), AssistantTurn.text("Nothing there.")), PING);
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
                SimulatedSessions.anthropic(model, ModelSpec.FIVE_MINUTES)),
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

    private static ChatSession.Opener opener(Harness harness, PricedClient client) {
        return new ChatSession.Opener() {
            @Override
            public OpenSession open(RunSpec spec, SessionListener listener) {
                return harness.open(spec, client, listener);
            }

            @Override
            public OpenSession reopen(Optional<String> id, SessionListener listener) {
                throw new UnsupportedOperationException("the test resumes nothing");
            }
        };
    }
}
