package dev.cachet.evals.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.cachet.evals.matrix.EvalMatrix.Progress;
import dev.cachet.evals.suite.SuiteTask;
import dev.cachet.evals.suite.Workspaces;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole matrices on real repositories, with real checks and a scripted agent. */
class EvalMatrixTest {
    private static final String MODEL = "anthropic:claude-sonnet-4-6";

    @TempDir
    Path sourceDir;

    @TempDir
    Path workRoot;

    @TempDir
    Path out;

    private List<SuiteTask> tasks;

    /** Fixes "easy" under every strategy, "medium" under hybrid only, "hard" never. */
    private final ScriptedAgent agent = new ScriptedAgent((task, strategy, workspace) -> {
        if (task.id().equals("easy") || task.id().equals("medium") && strategy.equals("hybrid")) {
            Files.writeString(workspace.resolve("fixed.txt"), "yes\n");
        }
    });

    @BeforeEach
    void makeSource() throws Exception {
        SourceRepo source = SourceRepo.create(sourceDir, Map.of("README", "broken\n"));
        tasks = List.of(source.task("easy", "test -f fixed.txt"), source.task("medium", "grep -q yes fixed.txt"),
                source.task("hard", "test -f fixed.txt"));
    }

    /** Counts every run it executes, by key, around a local executor. */
    private static final class Counting implements RunExecutor {
        private final RunExecutor inner;
        final List<String> executed = new CopyOnWriteArrayList<>();

        Counting(RunExecutor inner) {
            this.inner = inner;
        }

        @Override
        public RunRecord execute(PlannedRun run) {
            executed.add(run.key());
            return inner.execute(run);
        }
    }

    private Counting local(AgentRunner agent) {
        return new Counting(new LocalExecutor(agent, new Workspaces(false, System.getenv()), workRoot, MODEL, System.getenv(),
                Sandbox.of(SandboxMode.FULL)));
    }

    private static List<String> keys(List<PlannedRun> plan) {
        return plan.stream().map(PlannedRun::key).toList();
    }

    @Test
    void plans_every_strategy_on_every_task_repeat_by_repeat() {
        List<PlannedRun> plan = EvalMatrix.plan(tasks.subList(0, 2), List.of("hybrid", "masking"), 2);

        assertThat(keys(plan)).containsExactly(
                "easy/hybrid/1", "easy/masking/1", "medium/hybrid/1", "medium/masking/1",
                "easy/hybrid/2", "easy/masking/2", "medium/hybrid/2", "medium/masking/2");
        assertThat(keys(EvalMatrix.plan(tasks, List.of("a", "b", "c"), 4))).hasSize(36).doesNotHaveDuplicates();
    }

    @Test
    void plan_on_and_off_doubles_the_runs_and_keeps_the_keys_of_runs_without_a_plan() {
        List<PlannedRun> plan = EvalMatrix.plan(tasks, List.of("hybrid"), List.of(true, false), 1);

        assertThat(plan).hasSize(2 * tasks.size());
        assertThat(keys(plan)).doesNotHaveDuplicates().contains(tasks.get(0).id() + "/hybrid/1",
                tasks.get(0).id() + "/hybrid+plan/1");
        assertThat(plan).filteredOn(PlannedRun::plan).hasSize(tasks.size());
    }

    @Test
    void refuses_plans_that_make_no_sense() {
        assertThatThrownBy(() -> EvalMatrix.plan(tasks, List.of(), 1)).hasMessageContaining("no strategies");
        assertThatThrownBy(() -> EvalMatrix.plan(tasks, List.of("hybrid", "hybrid"), 1))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> EvalMatrix.plan(tasks, List.of("hybrid"), 0)).hasMessageContaining("--repeat");
        assertThatThrownBy(() -> EvalMatrix.plan(tasks, List.of("a/b"), 1)).hasMessageContaining("a/b");
        assertThatThrownBy(() -> new EvalMatrix(local(agent), 0)).hasMessageContaining("--jobs");
    }

    @Test
    void runs_the_matrix_and_lets_the_checks_decide() {
        List<PlannedRun> plan = EvalMatrix.plan(tasks, List.of("hybrid", "masking"), 1);
        Counting executor = local(agent);
        List<Progress> progress = new ArrayList<>();

        List<RunRecord> records;
        try (ResultsFile results = ResultsFile.open(out, false)) {
            records = new EvalMatrix(executor, 2).run(plan, results, progress::add, new Cancellation());
        }

        assertThat(records).extracting(RunRecord::key).containsExactlyElementsOf(keys(plan));
        assertThat(records).extracting(RunRecord::solved).containsExactly(true, true, true, false, false, false);
        assertThat(records).extracting(RunRecord::error).containsOnlyNulls();
        assertThat(ResultsFile.read(out.resolve(ResultsFile.NAME))).containsExactlyInAnyOrderElementsOf(records);
        assertThat(executor.executed).containsExactlyInAnyOrderElementsOf(keys(plan));
        assertThat(progress).extracting(Progress::done).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(progress).extracting(Progress::total).containsOnly(6);
        Progress last = progress.get(5);
        assertThat(last.solved()).isEqualTo(3);
        assertThat(last.costUsd()).isCloseTo(0.06, offset(1e-9));
        assertThat(last.eta()).hasValueSatisfying(eta -> assertThat(eta).isZero());
        assertThat(progress.get(0).eta()).isPresent();
    }

    @Test
    void each_run_sees_only_its_own_workspace_four_at_a_time() throws Exception {
        // Every run waits for three others to be under way at once, then adds a line to the same file.
        CyclicBarrier fourAtOnce = new CyclicBarrier(4);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ScriptedAgent appender = new ScriptedAgent((task, strategy, workspace) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                fourAtOnce.await(30, TimeUnit.SECONDS);
                Files.writeString(workspace.resolve("log.txt"), task.id() + "/" + strategy + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } finally {
                running.decrementAndGet();
            }
        });
        SourceRepo source = new SourceRepo(sourceDir, null);
        List<SuiteTask> oneLine = List.of(source.task("a", "test $(wc -l < log.txt) -eq 1"),
                source.task("b", "test $(wc -l < log.txt) -eq 1"));
        List<PlannedRun> plan = EvalMatrix.plan(oneLine, List.of("hybrid", "masking"), 2);

        List<RunRecord> records;
        try (ResultsFile results = ResultsFile.open(out, false)) {
            records = new EvalMatrix(local(appender), 4).run(plan, results, p -> { }, new Cancellation());
        }

        assertThat(records).hasSize(8).allSatisfy(record -> {
            assertThat(record.error()).isNull();
            assertThat(record.solved()).isTrue();
        });
        assertThat(mostAtOnce).hasValue(4);
        assertThat(sourceDir.resolve("log.txt")).doesNotExist();
    }

    @Test
    void a_cancelled_and_torn_eval_resumes_without_running_a_finished_run_again() throws Exception {
        List<PlannedRun> plan = EvalMatrix.plan(tasks, List.of("hybrid", "masking"), 2);
        Cancellation cancellation = new Cancellation();
        AtomicInteger started = new AtomicInteger();
        // The fourth run cancels the matrix: it finishes and is recorded, no run after it starts.
        ScriptedAgent cancelling = new ScriptedAgent((task, strategy, workspace) -> {
            if (started.incrementAndGet() == 4) {
                cancellation.cancel();
            }
        });
        Counting first = local(cancelling);
        try (ResultsFile results = ResultsFile.open(out, false)) {
            assertThat(new EvalMatrix(first, 1).run(plan, results, p -> { }, cancellation)).hasSize(4);
        }
        assertThat(first.executed).containsExactlyElementsOf(keys(plan).subList(0, 4));
        // A kill in the middle of writing the fifth record.
        Path file = out.resolve(ResultsFile.NAME);
        String record = Files.readAllLines(file).get(0);
        Files.writeString(file, record.substring(0, record.length() / 2), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ResultsFile.open(out, false)).isInstanceOf(ResultsFileException.class);

        Counting second = local(agent);
        List<Progress> progress = new ArrayList<>();
        List<RunRecord> records;
        try (ResultsFile results = ResultsFile.open(out, true)) {
            records = new EvalMatrix(second, 2).run(plan, results, progress::add, new Cancellation());
        }

        assertThat(second.executed).containsExactlyInAnyOrderElementsOf(keys(plan).subList(4, plan.size()));
        assertThat(records).extracting(RunRecord::key).containsExactlyElementsOf(keys(plan));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(plan.size());
        assertThat(ResultsFile.read(file)).extracting(RunRecord::key)
                .containsExactlyInAnyOrderElementsOf(keys(plan));
        assertThat(progress).extracting(Progress::done).containsExactly(5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void resuming_a_finished_eval_runs_nothing() {
        List<PlannedRun> plan = EvalMatrix.plan(tasks, List.of("hybrid"), 1);
        try (ResultsFile results = ResultsFile.open(out, false)) {
            new EvalMatrix(local(agent), 2).run(plan, results, p -> { }, new Cancellation());
        }
        Counting again = local(agent);

        try (ResultsFile results = ResultsFile.open(out, true)) {
            assertThat(new EvalMatrix(again, 2).run(plan, results, p -> { }, new Cancellation())).hasSize(3);
        }
        assertThat(again.executed).isEmpty();
    }

    @Test
    void a_run_that_errors_is_recorded_and_the_matrix_goes_on() {
        ScriptedAgent flaky = new ScriptedAgent((task, strategy, workspace) -> {
            if (task.id().equals("medium")) {
                throw new IllegalStateException("rate limited");
            }
            Files.writeString(workspace.resolve("fixed.txt"), "yes\n");
        });
        List<RunRecord> records;
        try (ResultsFile results = ResultsFile.open(out, false)) {
            records = new EvalMatrix(local(flaky), 2)
                    .run(EvalMatrix.plan(tasks, List.of("hybrid"), 1), results, p -> { }, new Cancellation());
        }

        assertThat(records).extracting(RunRecord::error).containsExactly(null, "agent: rate limited", null);
        assertThat(records).extracting(RunRecord::solved).containsExactly(true, false, true);
    }

    @Test
    void an_interrupted_run_is_not_recorded_and_resuming_runs_it_again() {
        AgentResult interrupted = new AgentResult(1, ScriptedAgent.RESULT.usage(), 0.01, 3000, "interrupted");
        AgentRunner stopped = (task, strategy, workspace) -> task.id().equals("medium") ? interrupted : ScriptedAgent.RESULT;
        List<PlannedRun> plan = EvalMatrix.plan(tasks, List.of("hybrid"), 1);
        try (ResultsFile results = ResultsFile.open(out, false)) {
            assertThat(new EvalMatrix(local(stopped), 1).run(plan, results, p -> { }, new Cancellation()))
                    .extracting(RunRecord::task).containsExactly("easy", "hard");
        }

        Counting again = local(agent);
        try (ResultsFile results = ResultsFile.open(out, true)) {
            new EvalMatrix(again, 1).run(plan, results, p -> { }, new Cancellation());
        }

        assertThat(again.executed).containsExactly(plan.get(1).key());
    }

    @Test
    void a_batch_executor_hands_records_back_in_any_order_and_never_twice() {
        List<PlannedRun> plan = EvalMatrix.plan(tasks, List.of("hybrid"), 1);
        RunRecord last = new LocalExecutor(agent, new Workspaces(false, System.getenv()), workRoot, MODEL,
                System.getenv(), Sandbox.of(SandboxMode.FULL)).execute(plan.get(2));
        List<Progress> progress = new ArrayList<>();
        try (ResultsFile results = ResultsFile.open(out, false)) {
            // The cluster finished the last run first, then answered it a second time.
            BatchExecutor twice = (pending, finished, cancellation) -> {
                finished.accept(last);
                finished.accept(last);
            };

            assertThatThrownBy(() -> new EvalMatrix(twice, 3).run(plan, results, progress::add, new Cancellation()))
                    .hasMessageContaining("hard/hybrid/1").hasMessageContaining("recorded already");
        }

        assertThat(ResultsFile.read(out.resolve(ResultsFile.NAME))).extracting(RunRecord::key)
                .containsExactly("hard/hybrid/1");
        assertThat(progress).extracting(Progress::done).containsExactly(1);
    }
}
