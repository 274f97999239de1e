package dev.cachet.harness.resume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.Session;
import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.strategy.CacheRates;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.ExtractiveSummarizer;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.StrategyServices;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.harness.loop.AgentLoop;
import dev.cachet.harness.loop.CacheCheckingModelClient;
import dev.cachet.providers.ModelClient;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.Usage;
import dev.cachet.providers.cache.BreakpointCacheSimulator;
import dev.cachet.providers.session.LoggedEvent;
import java.util.function.BiFunction;
import dev.cachet.harness.loop.LastTurn;
import dev.cachet.harness.loop.StrategyNews;
import dev.cachet.harness.loop.Ledger;
import dev.cachet.harness.loop.StopRequest;
import dev.cachet.providers.ScriptedModelClient;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.providers.session.Limits;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import dev.cachet.providers.session.SessionLog;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.ToolContext;
import dev.cachet.tools.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session cut short at every line of its log rebuilds as it was at that line, hybrid's compactions included. */
class SessionRebuilderTest {
    private static final TokenCounter COUNTER = TokenCounter.o200k();
    private static final StrategyInfo HYBRID = Strategies.named("hybrid");
    // The strategies here read the wall clock: a clock the rebuild moves, which none of them reads.
    private static final RebuildClock LIVE = new RebuildClock(Clock.systemUTC());
    // Small enough that a session of a dozen turns compacts.
    private static final Map<String, Integer> EAGER_TO_COMPACT = Map.of("keep", 2, "bulky_tokens", 50, "keep_turns", 2);
    private static final ModelPrice SONNET = new ModelPrice(3, 15, 3.75, 6, 0.3);

    @TempDir
    Path dir;

    private Session session;
    private Path log;

    private static ContextStrategy hybrid() {
        return new ConfiguredStrategy(HYBRID, HYBRID.configure(EAGER_TO_COMPACT))
                .create(new StrategyServices(new WindowFactory(COUNTER.fresh()), CacheRates.ANTHROPIC, new ExtractiveSummarizer()));
    }

    @BeforeEach
    void aSessionThatCompacts() throws IOException {
        log = dir.resolve("session.jsonl");
        session = run(log, (turns, heard) -> ScriptedModelClient.of(turns));
    }

    /**
     * Twelve reads of 60-line files and a finish, answered by the model {@code answering} makes of those turns and
     * what hears the session's events: its log, and the strategy's news of the provider's cache.
     */
    private Session run(Path to, BiFunction<AssistantTurn[], SessionListener, ModelClient> answering) throws IOException {
        List<AssistantTurn> turns = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Files.writeString(dir.resolve("file" + i + ".txt"), ("line of file " + i + "\n").repeat(60));
            turns.add(AssistantTurn.calls("reading " + i, new ToolCall("c" + i, "read_file", "{\"path\":\"file" + i + ".txt\"}")));
        }
        turns.add(AssistantTurn.calls("", new ToolCall("end", "finish", "{\"summary\":\"read them\"}")));
        Session ran = new Session("system", ToolBox.core().specs(), "read every file");
        try (SessionLog writer = new SessionLog(to, Clock.systemUTC())) {
            writer.on(new SessionEvent.Started("s1", "read every file", dir.toString(), "claude-sonnet-4-6", "hybrid",
                    EAGER_TO_COMPACT, Limits.DEFAULT, "system", ToolBox.core().specs(), null));
            ContextStrategy strategy = hybrid();
            SessionListener heard = SessionListener.all(List.of(writer, new StrategyNews(() -> strategy, Clock.systemUTC(),
                    SONNET::cacheRates)));
            ModelClient model = answering.apply(turns.toArray(AssistantTurn[]::new), heard);
            new AgentLoop(model, strategy, ToolBox.core(), ToolContext.defaults(new Workspace(dir), Map.of()),
                    new Ledger(SONNET), Limits.DEFAULT, Clock.systemUTC(), heard,
                    new StopRequest()).run(ran);
        }
        return ran;
    }

    /** The turns at which the logged session's windows compacted. */
    private static List<Integer> compactedTurns(Path log) throws IOException {
        return SessionRecord.read(log, warning -> { }).events().stream().map(LoggedEvent::event)
                .filter(SessionEvent.Compacted.class::isInstance).map(event -> ((SessionEvent.Compacted) event).turn())
                .toList();
    }

    @Test
    void what_the_provider_s_cache_served_is_told_again_so_the_windows_it_shaped_come_out_as_logged() throws IOException {
        // A provider whose cache never serves what it should, its bills checked against the simulator as live.
        Path missing = dir.resolve("missing.jsonl");
        run(missing, (turns, heard) -> new CacheCheckingModelClient(
                ScriptedModelClient.of(new Usage(2_000, 0, 0, 50, 0), turns),
                BreakpointCacheSimulator.anthropic(COUNTER, "claude-sonnet-4-6", ModelSpec.FIVE_MINUTES, SONNET), heard,
                Clock.systemUTC()));
        assertThat(compactedTurns(missing)).as("the misses changed where it compacted").isNotEqualTo(compactedTurns(log));
        List<String> warnings = new ArrayList<>();

        SessionRebuilder.rebuild(SessionRecord.read(missing, warning -> { }), ToolBox.core().specs(), hybrid(),
                SONNET::cacheRates, LIVE, true, warnings::add);

        assertThat(warnings).isEmpty();
    }

    @Test
    void every_prefix_of_the_log_rebuilds_the_history_it_holds_and_the_windows_it_sent() throws IOException {
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).anyMatch(line -> line.contains("\"type\":\"compaction\""));
        for (int cut = 1; cut <= lines.size(); cut++) {
            Path prefix = Files.write(dir.resolve("prefix-" + cut + ".jsonl"), lines.subList(0, cut));
            SessionRecord record = SessionRecord.read(prefix, warning -> { });
            List<String> warnings = new ArrayList<>();

            SessionRebuilder.Rebuilt rebuilt = SessionRebuilder.rebuild(record, ToolBox.core().specs(), hybrid(),
                    SONNET::cacheRates, LIVE, true, warnings::add);

            long messages = lines.subList(0, cut).stream()
                    .filter(line -> line.contains("\"type\":\"model_response\"") || line.contains("\"type\":\"tool_result\"")).count();
            assertThat(rebuilt.session().history()).as("cut after line " + cut)
                    .isEqualTo(session.history().subList(0, 1 + (int) messages));
            assertThat(warnings).as("cut after line " + cut).isEmpty();
        }
    }

    @Test
    void a_log_cut_between_a_call_and_its_result_resumes_with_that_call_started_and_unanswered() throws IOException {
        List<String> lines = Files.readAllLines(log);
        int call = lines.size() - 1;
        while (!lines.get(call).contains("\"type\":\"tool_call\"")) {
            call--;
        }
        Path prefix = Files.write(dir.resolve("cut.jsonl"), lines.subList(0, call + 1));

        LastTurn last = SessionRebuilder.rebuild(SessionRecord.read(prefix, warning -> { }), ToolBox.core().specs(),
                hybrid(), SONNET::cacheRates, LIVE, true, warning -> { }).resumption().last().orElseThrow();

        assertThat(last.message().toolCalls()).extracting(ToolCall::id).containsExactly("end");
        assertThat(last.started()).containsExactly("end");
        assertThat(last.results()).isEmpty();
        assertThat(last.refused()).isFalse();
    }
}
