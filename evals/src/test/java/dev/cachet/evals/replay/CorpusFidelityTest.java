package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.evals.trace.Corpus;
import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.evals.trace.TraceFormats;
import dev.cachet.evals.trace.Trajectory;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.registry.Providers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The replay of each recorded session's own transcript against the bill it recorded, on every corpus session with
 * usage: the token counts the replay is built on must match the bill call by call. (Costs also depend on the
 * provider's real cache hits, which the report prints as fidelity; they are not a fitted figure.)
 */
@Tag("corpus")
class CorpusFidelityTest {
    @Test
    void every_recorded_sessions_transcript_rebuilds_its_billed_input() {
        Path root = Corpus.root();
        assumeTrue(Files.isDirectory(root), "corpus not present: " + root);
        Providers providers = new Providers(PriceTable.bundled());
        TraceBilling billing = new TraceBilling(providers,
                providers.priced(ModelSpec.parse("anthropic:claude-sonnet-4-6", Optional.empty(), ModelSpec.FIVE_MINUTES)));
        StrategyInfo transcript = Strategies.named(TranscriptStrategy.NAME);
        List<ConfiguredStrategy> strategies = List.of(new ConfiguredStrategy(transcript, transcript.configure(Map.of())));
        List<Fidelity> fidelity = new ArrayList<>();
        for (Path file : TraceFiles.expand(List.of(root)).files()) {
            for (Trajectory trajectory : TraceFormats.read(file)) {
                if (trajectory.hasRecordedUsage()) {
                    List<ReplayRun> runs = new CounterfactualReplay(TokenCounter.o200k(), billing).replay(trajectory, strategies);
                    fidelity.addAll(Fidelity.perTrace(runs));
                }
            }
        }

        assertThat(fidelity).hasSizeGreaterThanOrEqualTo(13);
        assertThat(fidelity).allSatisfy(trace -> {
            assertThat(Math.abs(trace.inputError())).as(trace.trace() + " total input").isLessThan(0.05);
            assertThat(trace.perCallInputMedianError()).as(trace.trace() + " per-call input").isLessThan(0.05);
        });
    }
}
