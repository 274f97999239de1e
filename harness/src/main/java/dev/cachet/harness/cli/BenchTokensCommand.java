package dev.cachet.harness.cli;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.cachet.context.TokenCounter;
import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.harness.InputException;
import dev.cachet.harness.bench.ScratchDir;
import dev.cachet.harness.bench.SyntheticLogs;
import dev.cachet.harness.bench.TokenBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = {"How fast cachet counts o200k tokens (TokenCounter) against plain jtokkit "
                + "(countTokensOrdinary), over the tool results of the trajectories given; by default those of the "
                + "corpus ('cachet corpus fetch', else ../shared/corpus), else of made-up Claude Code and Codex logs. "
                + "Each round counts every text from an empty cache; the best round's CPU time gives MB/s of UTF-8 "
                + "text. Both must count the same tokens. Goal: several times jtokkit's speed."})
final class BenchTokensCommand implements Callable<Integer> {
    /** Enough made-up tool output for steady figures. */
    private static final long SYNTHETIC_BYTES = 20_000_000;

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    List<Path> paths = new ArrayList<>();

    @Parameters(paramLabel = "PATH", arity = "0..*", converter = TraceInputs.AnyPath.class,
            description = "Trajectory files, or directories of them.")
    void paths(List<Path> given) {
        paths = TraceInputs.nonEmpty(spec, given);
    }

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "20", converter = AtLeastOneConverter.class,
            description = "Rounds per counter, the best of which counts. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TokenBench tokens = new TokenBench(texts(out));
        if (tokens.texts() == 0) {
            throw new InputException("no tool results in " + paths);
        }
        double mb = tokens.bytes() / 1e6;
        out.printf(Locale.ROOT, "%,d tool results, %.1f MB%n", tokens.texts(), mb);
        out.flush();
        Encoding o200k = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        TokenBench.Timing plain = tokens.time(() -> o200k::countTokensOrdinary, rounds);
        out.printf(Locale.ROOT, "jtokkit countTokensOrdinary  %,12d tokens  %6.2f s  %6.1f MB/s%n", plain.tokens(),
                plain.cpuSeconds(), mb / plain.cpuSeconds());
        out.flush();
        TokenBench.Timing counter = tokens.time(() -> new TokenCounter(o200k)::count, rounds);
        out.printf(Locale.ROOT, "TokenCounter                 %,12d tokens  %6.2f s  %6.1f MB/s  %.1fx jtokkit%n",
                counter.tokens(), counter.cpuSeconds(), mb / counter.cpuSeconds(),
                plain.cpuSeconds() / counter.cpuSeconds());
        if (counter.tokens() != plain.tokens()) {
            spec.commandLine().getErr().printf("cachet: TokenCounter counted %,d tokens where jtokkit counts %,d%n",
                    counter.tokens(), plain.tokens());
            return ExitCodes.INTERNAL;
        }
        return ExitCodes.OK;
    }

    private List<String> texts(PrintWriter out) throws IOException {
        if (!paths.isEmpty()) {
            return TokenBench.toolResults(TraceFiles.expand(paths).files());
        }
        // A corpus folder without logs (what a 'corpus fetch' that failed leaves) is passed over.
        List<Path> corpora = List.of(bench.root.dirs().cache().resolve("corpus"),
                bench.root.workingDirectory().resolve("../shared/corpus").normalize());
        for (Path corpus : corpora) {
            List<Path> logs = Files.isDirectory(corpus) ? TraceFiles.expand(List.of(corpus)).files() : List.of();
            if (!logs.isEmpty()) {
                out.println("corpus: " + corpus);
                return TokenBench.toolResults(logs);
            }
        }
        try (ScratchDir temp = ScratchDir.create("cachet-bench-tokens")) {
            out.println("no corpus logs in " + corpora.get(0) + " nor " + corpora.get(1) + " ('cachet corpus fetch' "
                    + "gets them, or name logs); made-up logs");
            new SyntheticLogs(19).write(temp.path(), SYNTHETIC_BYTES);
            return TokenBench.toolResults(TraceFiles.expand(List.of(temp.path())).files());
        }
    }
}
