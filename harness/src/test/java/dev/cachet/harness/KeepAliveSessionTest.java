package dev.cachet.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.harness.loop.ManualTime;
import dev.cachet.harness.loop.PingingModel;
import dev.cachet.harness.loop.StopRequest;
import dev.cachet.harness.resume.SessionRecord;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.ProviderException;
import dev.cachet.providers.ScriptedModelClient;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.tools.sandbox.Approver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --cache-keepalive N} in whole sessions on simulated time: a tool call that takes ten minutes (the user
 * approving a file write) is an idle stretch, pinged every 4.5 minutes up to N times.
 */
class KeepAliveSessionTest {
    private static final ModelPrice PRICE = SimulatedSessions.PRICE;
    // The first call leaves 20,000 tokens cached: a ping costs 20,000 x 0.30 + 10 x 3 + 15 = 6,045 micro-dollars, an
    // expiry 20,000 x (3.75 - 0.30) = 69,000: up to 11 pings a stretch pay.
    private static final Usage CALL = new Usage(10, 2_000, 18_000, 50, 0);
    private static final Usage PING = new Usage(10, 0, 20_000, 1, 0);
    private static final double PING_USD = 0.006045;
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private SimulatedSessions sessions;
    private ManualTime time;
    private final List<SessionEvent> events = new ArrayList<>();

    @BeforeEach
    void simulatedTime() {
        sessions = new SimulatedSessions(dir.resolve("state"));
        time = sessions.time();
    }

    @Test
    void a_ten_minute_tool_call_gets_a_ping_every_four_and_a_half_minutes_up_to_n() throws IOException {
        assertThat(pingsIn(TEN_MINUTES, 5)).isEqualTo(2);
        assertThat(pingsIn(TEN_MINUTES, 2)).isEqualTo(2);
        assertThat(pingsIn(TEN_MINUTES, 1)).isEqualTo(1);
        assertThat(pingsIn(TEN_MINUTES, 0)).isZero();
    }

    @Test
    void a_ping_is_the_last_request_again_between_the_calls_never_during_one() throws IOException {
        PingingModel model = model(CALL);
        run(model, 3, ModelSpec.FIVE_MINUTES, approvingAfter(TEN_MINUTES));

        assertThat(model.requests()).containsExactly("call", "ping", "ping", "call");
        assertThat(model.pinged()).containsOnly(model.called().get(0));
        List<SessionEvent.Pinged> pings = events.stream().filter(SessionEvent.Pinged.class::isInstance)
                .map(SessionEvent.Pinged.class::cast).toList();
        assertThat(pings).extracting(SessionEvent.Pinged::turn).containsExactly(1, 1);
        assertThat(pings).extracting(SessionEvent.Pinged::ping).containsExactly(1, 2);
    }

    @Test
    void pings_are_billed_logged_and_counted_apart() throws IOException {
        SessionOutcome outcome = run(model(CALL), 2, ModelSpec.FIVE_MINUTES, approvingAfter(TEN_MINUTES));

        double calls = 2 * PRICE.cost(CALL);
        assertThat(outcome.result().costUsd()).isCloseTo(calls + 2 * PING_USD, within(1e-9));
        assertThat(outcome.result().usage().cacheRead()).isEqualTo(2 * 18_000 + 2 * 20_000);
        assertThat(Files.readString(outcome.log())).contains("\"type\":\"keepalive_ping\"");
        SessionRecord record = SessionRecord.read(outcome.log(), warning -> { });
        assertThat(record.pings().count()).isEqualTo(2);
        assertThat(record.pings().costUsd()).isCloseTo(2 * PING_USD, within(1e-9));
        assertThat(record.costUsd()).isCloseTo(outcome.result().costUsd(), within(1e-9));
    }

    @Test
    void an_hour_long_cache_is_pinged_every_fifty_five_minutes() throws IOException {
        assertThat(pingsIn(TEN_MINUTES, 2, ModelSpec.ONE_HOUR)).isZero();
        assertThat(pingsIn(Duration.ofMinutes(120), 5, ModelSpec.ONE_HOUR)).isEqualTo(2);
    }

    @Test
    void no_ping_where_the_pings_would_cost_more_than_writing_the_prefix_again() throws IOException {
        // 1,024 cached behind 3,000 uncached: a ping costs 9,322 micro-dollars, the rewrite 3,533.
        PingingModel model = model(new Usage(3_000, 1_024, 0, 50, 0));
        run(model, 2, ModelSpec.FIVE_MINUTES, approvingAfter(TEN_MINUTES));

        assertThat(model.requests()).containsExactly("call", "call");
        assertThat(warnings()).containsExactly("keep-alive: no ping 1 after turn 1: 1 ping at $0.0093 would cost more "
                + "than writing the cached prefix again ($0.0035)");
    }

    @Test
    void no_ping_after_the_session_ends() throws IOException {
        PingingModel model = model(CALL);
        run(model, 3, ModelSpec.FIVE_MINUTES, approvingAfter(Duration.ofMinutes(5)));
        time.advance(Duration.ofHours(2));

        assertThat(model.requests()).containsExactly("call", "ping", "call");
        assertThat(time.pending()).isZero();
        assertThat(time.lastClosed()).isTrue();
    }

    @Test
    void a_stopped_tool_call_ends_its_idle_stretch() throws IOException {
        PingingModel model = model(CALL);
        StopRequest stop = new StopRequest();
        run(model, 3, ModelSpec.FIVE_MINUTES, what -> {
            time.advance(Duration.ofMinutes(5));
            stop.request("stopped by Ctrl-C");
            return true;
        }, stop);
        time.advance(Duration.ofHours(1));

        assertThat(model.requests()).containsExactly("call", "ping");
    }

    @Test
    void a_model_whose_cache_cannot_be_kept_alive_says_so_once_and_is_not_pinged() throws IOException {
        ScriptedModelClient model = ScriptedModelClient.of(CALL, write(), finish());
        run(model, 2, ModelSpec.FIVE_MINUTES, approvingAfter(TEN_MINUTES));

        assertThat(model.windows()).hasSize(2);
        assertThat(warnings()).containsExactly("--cache-keepalive: anthropic:claude-sonnet-4-6 has no prompt cache that a "
                + "request is documented to keep alive (OpenAI's and DeepSeek's cache prefixes on their own); no pings are sent");
    }

    @Test
    void a_failed_ping_is_told_and_the_session_goes_on() throws IOException {
        PingingModel failing = new PingingModel(ScriptedModelClient.of(CALL, write(), finish()), window -> {
            throw new ProviderException("anthropic: HTTP 529 overloaded");
        });
        SessionOutcome outcome = run(failing, 2, ModelSpec.FIVE_MINUTES, approvingAfter(TEN_MINUTES));

        assertThat(outcome.result().reason().label()).isEqualTo("done");
        assertThat(warnings()).containsExactly(
                "keep-alive ping failed: anthropic: HTTP 529 overloaded; no more pings until the session goes on");
    }

    private int pingsIn(Duration toolCall, int keepAlive) throws IOException {
        return pingsIn(toolCall, keepAlive, ModelSpec.FIVE_MINUTES);
    }

    private int pingsIn(Duration toolCall, int keepAlive, CacheLifetime ttl) throws IOException {
        PingingModel model = model(CALL);
        run(model, keepAlive, ttl, approvingAfter(toolCall));
        return (int) model.requests().stream().filter("ping"::equals).count();
    }

    private Approver approvingAfter(Duration taken) {
        return what -> {
            time.advance(taken);
            return true;
        };
    }

    private List<String> warnings() {
        return events.stream().filter(SessionEvent.Warned.class::isInstance)
                .map(e -> ((SessionEvent.Warned) e).message()).toList();
    }

    private static PingingModel model(Usage callUsage) {
        return new PingingModel(ScriptedModelClient.of(callUsage, write(), finish()), PING);
    }

    private static AssistantTurn write() {
        return AssistantTurn.calls("", new ToolCall("c1", "write_file", "{\"path\":\"a.txt\",\"content\":\"a\"}"));
    }

    private static AssistantTurn finish() {
        return AssistantTurn.calls("", new ToolCall("c2", "finish", "{\"summary\":\"wrote a.txt\"}"));
    }

    private SessionOutcome run(ModelClient model, int keepAlive, CacheLifetime ttl, Approver approver) throws IOException {
        return run(model, keepAlive, ttl, approver, new StopRequest());
    }

    private SessionOutcome run(ModelClient model, int keepAlive, CacheLifetime ttl, Approver approver, StopRequest stop)
            throws IOException {
        events.clear();
        Path workspace = Files.createTempDirectory(dir, "ws");
        RunSpec run = SimulatedSessions.spec(workspace, "write a.txt", keepAlive, approver);
        PricedClient client = SimulatedSessions.anthropic(model, ttl);
        Harness harness = sessions.harness();
        return harness.run(run, client, events::add, stop);
    }
}
