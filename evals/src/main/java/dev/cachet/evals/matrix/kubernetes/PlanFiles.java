package dev.cachet.evals.matrix.kubernetes;

import dev.cachet.evals.suite.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files a Job's ConfigMap carries: the suite as written, the plan, and under {@code --model replay} each task's
 * recording. ConfigMap keys cannot hold a '/', so a pod stages them into a suite directory of its own, where the
 * suite's {@code recordings/} are found as on the laptop. A {@code stop} key, added while the Job runs, tells pods
 * not yet started to start nothing: the cluster form of {@code Cancellation}.
 */
public record PlanFiles(String suiteYaml, RunPlan plan, Map<String, String> recordings) {
    public static final String SUITE = "suite.yaml";
    public static final String PLAN = "plan.json";
    public static final String STOP = "stop";
    static final String RECORDING = "recording.";
    static final String REPLAY = "replay";
    /** A ConfigMap holds 1 MiB, metadata included. */
    static final int MAX_BYTES = 1_000_000;

    public PlanFiles {
        recordings = Map.copyOf(recordings);
    }

    /**
     * @throws ClusterException if the files come to more than a ConfigMap holds
     */
    public static PlanFiles of(Suite suite, RunPlan plan) {
        Map<String, String> recordings = new LinkedHashMap<>();
        if (plan.agent().defaultModel().equals(REPLAY)) {
            Path dir = suite.file().getParent().resolve("recordings");
            plan.runs().stream().map(RunPlan.Entry::task).distinct()
                    .forEach(task -> recordings.put(task, read(dir.resolve(task + ".jsonl"))));
        }
        PlanFiles files = new PlanFiles(read(suite.file()), plan, recordings);
        long bytes = files.data().values().stream().mapToLong(text -> text.getBytes(StandardCharsets.UTF_8).length).sum();
        if (bytes > MAX_BYTES) {
            throw new ClusterException("the suite, plan and recordings of " + suite.file() + " come to " + bytes
                    + " bytes, more than the 1 MiB a ConfigMap holds; split the suite or use a model instead of replay");
        }
        return files;
    }

    /** The ConfigMap's data, flat keys. */
    public Map<String, String> data() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(SUITE, suiteYaml);
        data.put(PLAN, plan.toJson());
        recordings.forEach((task, text) -> data.put(RECORDING + task + ".jsonl", text));
        return data;
    }

    /** The plan in a pod's mounted ConfigMap. */
    public static RunPlan readPlan(Path planDir) {
        Path file = planDir.resolve(PLAN);
        return RunPlan.fromJson(read(file), file.toString());
    }

    /** Whether the coordinator asked pods not to start (a cost limit was reached). */
    public static boolean stopped(Path planDir) {
        return Files.exists(planDir.resolve(STOP));
    }

    /**
     * Lays the mounted files out as a suite directory under {@code into}: {@code suite.yaml} and
     * {@code recordings/<task>.jsonl}.
     *
     * @return the suite file
     */
    public static Path stage(Path planDir, Path into) {
        try {
            Path recordings = Files.createDirectories(into.resolve("recordings"));
            Path suite = Files.writeString(into.resolve(SUITE), read(planDir.resolve(SUITE)));
            List<Path> files;
            try (Stream<Path> listed = Files.list(planDir)) {
                files = listed.filter(file -> file.getFileName().toString().startsWith(RECORDING)).toList();
            }
            for (Path file : files) {
                String name = file.getFileName().toString().substring(RECORDING.length());
                Files.writeString(recordings.resolve(name), read(file));
            }
            return suite;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the suite of " + planDir + " in " + into, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
