package dev.cachet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.harness.loop.PingingModel;
import dev.cachet.harness.loop.StopRequest;
import dev.cachet.harness.resume.SessionRecord;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.PricedModel;
import dev.cachet.providers.ScriptedModelClient;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.providers.session.LoggedEvent;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.tools.sandbox.Approver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed session's strategy sees the time its log says each call was made, so the first call after a resume
 * sees the real pause since the last one: past the cache's TTL, hybrid compacts then, as the prompt is written anew
 * anyway; within it, it keeps the cached prefix.
 */
class ResumeGapTest {
    private static final Usage CALL = new Usage(10, 2_000, 18_000, 50, 0);
    private static final Usage PING = new Usage(10, 0, 20_000, 1, 0);
    // Every read is bulky and only the last two are kept: from the fourth turn a mask is on offer, which does not pay
    // yet on a warm cache.
    private static final Map<String, Integer> HYBRID = Map.of("keep", 2, "bulky_tokens", 50, "keep_turns", 1_000,
            "max_window", 10_000_000);

    private static final SessionListener IGNORED = event -> { };

    @TempDir
    Path dir;

    @Test
    void after_a_pause_past_the_ttl_the_first_call_of_the_resumed_session_compacts() throws IOException {
        assertThat(compactsOnResume(Duration.ofHours(1))).isTrue();
    }

    @Test
    void after_a_pause_within_the_ttl_the_first_call_of_the_resumed_session_keeps_the_cache() throws IOException {
        assertThat(compactsOnResume(Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void the_lifetime_its_log_says_the_last_call_was_cached_for_is_heard_again_so_ten_minutes_expire_nothing()
            throws IOException {
        // Under auto the strategy starts out at 5 minutes; each call's logged prediction says an hour.
        ModelSpec auto = new ModelSpec("anthropic", "claude-sonnet-4-6", Optional.empty(), CacheLifetime.AUTO);
        Function<ModelClient, PricedClient> hour = model -> new PricedClient(model, new PricedModel(auto,
                SimulatedSessions.PRICE,
                counter -> BreakpointCacheSimulator.anthropic(counter, auto.name(), ModelSpec.ONE_HOUR,
                        SimulatedSessions.PRICE)));

        assertThat(compactsOnResume(Duration.ofMinutes(10), hour)).isFalse();
        assertThat(compactsOnResume(Duration.ofMinutes(61), hour)).isTrue();
    }

    @Test
    void pings_that_kept_the_cache_warm_through_a_pause_are_heard_again_so_the_rebuilt_windows_are_the_logged_ones()
            throws IOException {
        SimulatedSessions sessions = new SimulatedSessions(dir.resolve("state-pinged"));
        Path workspace = Files.createDirectories(dir.resolve("ws-pinged"));
        for (int i = 0; i < 6; i++) {
            Files.writeString(workspace.resolve("file" + i + ".txt"), ("line of file " + i + "\n").repeat(60));
        }
        // Approving the write takes ten minutes, bridged by two pings: the fifth call still reads the cache.
        Approver slowly = what -> {
            sessions.time().advance(Duration.ofMinutes(10));
            return true;
        };
        RunSpec spec = SimulatedSessions.spec(workspace, "read every file", 2, slowly).withStrategy("hybrid", HYBRID);
        Harness harness = sessions.harness();
        SessionOutcome first = harness.run(new RunSpec(workspace, spec.task(), spec.strategy(), HYBRID,
                        spec.limits().withMaxTurns(6), spec.commandTimeout(), spec.sandbox(), spec.approver(),
                        spec.toolLoading(), List.of(), false, 2),
                SimulatedSessions.anthropic(new PingingModel(ScriptedModelClient.of(CALL, read(0), read(1), read(2),
                        read(3), write(), read(4)), PING), ModelSpec.FIVE_MINUTES), IGNORED);
        List<SessionEvent> ran = SessionRecord.read(first.log(), warning -> { }).events().stream()
                .map(LoggedEvent::event).toList();
        assertThat(ran).filteredOn(SessionEvent.Pinged.class::isInstance).hasSize(2);
        assertThat(ran).noneMatch(SessionEvent.Compacted.class::isInstance);
        List<SessionEvent> heard = new ArrayList<>();

        harness.resume(SessionRecord.read(first.log(), warning -> { }), spec,
                SimulatedSessions.anthropic(ScriptedModelClient.of(CALL, finish()), ModelSpec.FIVE_MINUTES),
                heard::add, new StopRequest());

        assertThat(heard).filteredOn(SessionEvent.Warned.class::isInstance)
                .noneMatch(warned -> ((SessionEvent.Warned) warned).message().contains("differently than logged"));
    }

    /** Four turns, a pause, then a resume: whether its first window was compacted. */
    private boolean compactsOnResume(Duration pause) throws IOException {
        return compactsOnResume(pause, model -> SimulatedSessions.anthropic(model, ModelSpec.FIVE_MINUTES));
    }

    /** The same, on the model {@code priced} makes of each scripted model; each pause in its own directories. */
    private boolean compactsOnResume(Duration pause, Function<ModelClient, PricedClient> priced) throws IOException {
        SimulatedSessions sessions = new SimulatedSessions(dir.resolve("state-" + pause));
        Path workspace = Files.createDirectories(dir.resolve("ws-" + pause));
        for (int i = 0; i < 6; i++) {
            Files.writeString(workspace.resolve("file" + i + ".txt"), ("line of file " + i + "\n").repeat(60));
        }
        RunSpec spec = SimulatedSessions.spec(workspace, "read every file", 0, Approver.ALWAYS)
                .withStrategy("hybrid", HYBRID);
        Harness harness = sessions.harness();
        SessionOutcome first = harness.run(new RunSpec(workspace, spec.task(), spec.strategy(), HYBRID,
                        spec.limits().withMaxTurns(4), spec.commandTimeout(), spec.sandbox(), spec.approver(),
                        spec.toolLoading(), List.of(), false, 0),
                priced.apply(ScriptedModelClient.of(CALL, read(0), read(1), read(2), read(3))), IGNORED);
        assertThat(first.result().turns()).isEqualTo(4);

        sessions.time().advance(pause);
        SessionRecord record = SessionRecord.read(first.log(), warning -> { });
        harness.resume(record, spec, priced.apply(ScriptedModelClient.of(CALL, read(4), finish())), IGNORED,
                new StopRequest());

        List<SessionEvent> resumed = SessionRecord.read(first.log(), warning -> { }).events().stream()
                .map(LoggedEvent::event).dropWhile(event -> !(event instanceof SessionEvent.Resumed)).toList();
        List<SessionEvent> firstCall = resumed.subList(0, resumed.indexOf(resumed.stream()
                .filter(SessionEvent.ModelResponded.class::isInstance).findFirst().orElseThrow()));
        return firstCall.stream().anyMatch(SessionEvent.Compacted.class::isInstance);
    }

    private static AssistantTurn read(int file) {
        return AssistantTurn.calls("reading " + file,
                new ToolCall("c" + file, "read_file", "{\"path\":\"file" + file + ".txt\"}"));
    }

    private static AssistantTurn write() {
        return AssistantTurn.calls("writing", new ToolCall("w", "write_file", "{\"path\":\"a.txt\",\"content\":\"a\"}"));
    }

    private static AssistantTurn finish() {
        return AssistantTurn.calls("", new ToolCall("end", "finish", "{\"summary\":\"read them\"}"));
    }
}
