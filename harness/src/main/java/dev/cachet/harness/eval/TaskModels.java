package dev.cachet.harness.eval;

import dev.cachet.evals.suite.Suite;
import dev.cachet.evals.suite.SuiteTask;
import dev.cachet.harness.Harness;
import dev.cachet.harness.InputException;
import dev.cachet.providers.MissingKeyException;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.ModelSpec;
import dev.cachet.providers.PricedClient;
import dev.cachet.providers.replay.RecordedSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** The model each task of a suite runs with: a new client per run, since clients such as replays are stateful. */
public final class TaskModels {
    /** The model name that answers each task from its own recording, {@code recordings/<task id>.jsonl}. */
    public static final String REPLAY = "replay";

    private TaskModels() {}

    /**
     * Each task's model (the suite's, else {@code defaultModel}), all opened once up front: a missing key, an unknown
     * provider, an unpriced model or a missing recording fails before any workspace is made.
     */
    public static Function<SuiteTask, PricedClient> of(Harness harness, Suite suite, String defaultModel,
            Optional<String> baseUrl, CacheLifetime cacheTtl, Consumer<String> warnings) {
        if (defaultModel.equals(REPLAY)) {
            return recordings(harness, suite, cacheTtl, warnings);
        }
        Function<SuiteTask, ModelSpec> specs = task -> ModelSpec.parse(task.budget().model().orElse(defaultModel), baseUrl, cacheTtl);
        try {
            suite.tasks().stream().map(specs).distinct().forEach(spec -> harness.open(spec, warnings));
        } catch (MissingKeyException e) {
            throw e.offline("--model " + REPLAY + " (each task answered by recordings/<task id>.jsonl)");
        }
        return task -> harness.open(specs.apply(task), warnings);
    }

    private static Function<SuiteTask, PricedClient> recordings(Harness harness, Suite suite, CacheLifetime cacheTtl,
            Consumer<String> warnings) {
        Path recordings = suite.file().getParent().resolve("recordings");
        List<String> missing = suite.tasks().stream().map(SuiteTask::id)
                .filter(id -> !Files.isRegularFile(recordings.resolve(id + ".jsonl"))).toList();
        if (!missing.isEmpty()) {
            throw new InputException("--model replay needs a recording per task in " + recordings + "; missing: "
                    + String.join(", ", missing.stream().map(id -> id + ".jsonl").toList()));
        }
        return task -> harness.replay(RecordedSession.read(recordings.resolve(task.id() + ".jsonl"), warnings), cacheTtl);
    }
}
