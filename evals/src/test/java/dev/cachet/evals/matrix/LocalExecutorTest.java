package dev.cachet.evals.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.suite.RunBudget;
import dev.cachet.evals.suite.SuiteTask;
import dev.cachet.evals.suite.Workspaces;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real clones and real checks: the check alone decides what was solved. */
class LocalExecutorTest {
    private static final String MODEL = "anthropic:claude-sonnet-4-6";

    @TempDir
    Path sourceDir;

    @TempDir
    Path workRoot;

    private SourceRepo source;

    /** Writes fixed.txt for every task but "hard". */
    private final ScriptedAgent fixer = new ScriptedAgent((task, strategy, workspace) -> {
        if (!task.id().equals("hard")) {
            Files.writeString(workspace.resolve("fixed.txt"), "fixed by " + strategy + "\n");
        }
    });

    @BeforeEach
    void makeSource() throws Exception {
        source = SourceRepo.create(sourceDir, Map.of("README", "broken\n"));
    }

    private RunRecord execute(AgentRunner agent, SuiteTask task) {
        return new LocalExecutor(agent, new Workspaces(false, System.getenv()), workRoot, MODEL, System.getenv(),
                Sandbox.of(SandboxMode.FULL))
                .execute(new PlannedRun(task, "masking", 2));
    }

    private List<Path> leftInWorkRoot() throws Exception {
        try (Stream<Path> entries = Files.list(workRoot)) {
            return entries.toList();
        }
    }

    @Test
    void a_passing_check_means_solved_and_the_record_carries_the_agents_figures() throws Exception {
        RunRecord record = execute(fixer, source.task("easy", "test -f fixed.txt && grep -q masking fixed.txt"));

        assertThat(record.solved()).isTrue();
        assertThat(record.error()).isNull();
        assertThat(record.key()).isEqualTo("easy/masking/2");
        assertThat(record.commit()).isEqualTo(source.head());
        assertThat(record.model()).isEqualTo(MODEL);
        assertThat(record.stopReason()).isEqualTo("done");
        assertThat(record.turns()).isEqualTo(2);
        assertThat(record.uncachedInputTokens()).isEqualTo(1000);
        assertThat(record.cacheWriteTokens()).isEqualTo(500);
        assertThat(record.cacheReadTokens()).isEqualTo(1500);
        assertThat(record.outputTokens()).isEqualTo(100);
        assertThat(record.costUsd()).isEqualTo(0.01);
        assertThat(record.cacheHitRate()).isEqualTo(0.5);
        assertThat(record.peakWindowTokens()).isEqualTo(3000);
        assertThat(record.wallMs()).isNotNegative();
        assertThat(leftInWorkRoot()).isEmpty();
    }

    @Test
    void a_failing_check_means_unsolved_without_an_error() {
        RunRecord record = execute(fixer, source.task("hard", "test -f fixed.txt"));

        assertThat(record.solved()).isFalse();
        assertThat(record.error()).isNull();
        assertThat(record.stopReason()).isEqualTo("done");
    }

    @Test
    void a_failing_check_keeps_its_output_both_streams_for_the_user_to_see_why() {
        RunRecord record = execute(fixer, source.task("hard", "echo expected fixed.txt; echo no such file >&2; exit 1"));

        assertThat(record.solved()).isFalse();
        assertThat(record.checkOutput()).contains("expected fixed.txt").contains("no such file");
    }

    @Test
    void a_failing_checks_output_is_kept_as_a_bounded_tail() {
        RunRecord record = execute(fixer, source.task("hard", "seq 1 3000; echo last words; exit 1"));

        assertThat(record.checkOutput()).hasSizeLessThanOrEqualTo(RunRecord.CHECK_OUTPUT_CHARS)
                .endsWith("last words");
    }

    @Test
    void a_bounded_tail_starts_on_a_whole_character() {
        // 2,998 chars of emoji (two each) after an x, then a y: the last 2,000 would start on an emoji's second half.
        RunRecord record = execute(fixer, source.task("hard", "printf x; for i in $(seq 1499); do printf '\\360\\237\\230\\200'; done; "
                + "echo y; exit 1"));

        assertThat(record.checkOutput()).hasSize(RunRecord.CHECK_OUTPUT_CHARS - 1).startsWith("\uD83D\uDE00").endsWith("y");
    }

    @Test
    void a_passing_check_keeps_no_output() {
        RunRecord record = execute(fixer, source.task("easy", "echo fine; test -f fixed.txt"));

        assertThat(record.solved()).isTrue();
        assertThat(record.checkOutput()).isNull();
    }

    @Test
    void a_check_that_times_out_is_unsolved_and_says_so() {
        RunRecord record = execute(fixer, source.task("easy", "sleep 5", Duration.ofSeconds(1)));

        assertThat(record.solved()).isFalse();
        assertThat(record.error()).isEqualTo("check timed out after 1s");
        assertThat(record.wallMs()).isLessThan(5_000);
    }

    @Test
    void an_agent_that_throws_is_an_errored_run_and_its_workspace_is_deleted() throws Exception {
        ScriptedAgent crashing = new ScriptedAgent((task, strategy, workspace) -> {
            Files.writeString(workspace.resolve("fixed.txt"), "half done\n");
            throw new IllegalStateException("model unreachable\nafter 3 retries");
        });

        RunRecord record = execute(crashing, source.task("easy", "test -f fixed.txt"));

        assertThat(record.solved()).isFalse();
        assertThat(record.error()).isEqualTo("agent: model unreachable | after 3 retries");
        assertThat(record.stopReason()).isEqualTo("error");
        assertThat(record.turns()).isZero();
        assertThat(record.commit()).isEqualTo(source.head());
        assertThat(leftInWorkRoot()).isEmpty();
    }

    @Test
    void an_agent_that_fails_through_no_fault_of_its_own_is_an_errored_run_that_keeps_what_it_spent() {
        ScriptedAgent failing = new ScriptedAgent((task, strategy, workspace) -> {
            throw new AgentFailedException(ScriptedAgent.RESULT, "provider error: overloaded");
        });

        RunRecord record = execute(failing, source.task("easy", "true"));

        assertThat(record.solved()).isFalse();
        assertThat(record.error()).isEqualTo("agent: provider error: overloaded");
        assertThat(record.turns()).isEqualTo(2);
        assertThat(record.costUsd()).isEqualTo(0.01);
    }

    @Test
    void a_workspace_that_cannot_be_prepared_is_an_errored_run_the_agent_never_sees() {
        SuiteTask task = source.task("easy", "true");
        SuiteTask missingCommit = new SuiteTask(task.id(), task.repo(), "no-such-branch", task.setup(),
                task.prompt(), task.check(), task.budget(), task.tags(), task.checkFiles(), task.checkNetwork());

        RunRecord record = execute(fixer, missingCommit);

        assertThat(record.solved()).isFalse();
        assertThat(record.error()).startsWith("workspace: task easy: ").contains("no-such-branch");
        assertThat(record.commit()).isNull();
        assertThat(fixer.runs()).isEmpty();
    }

    @Test
    void a_failing_setup_is_reported_on_one_line() {
        SuiteTask task = source.task("easy", "true");
        SuiteTask badSetup = new SuiteTask(task.id(), task.repo(), task.commit(),
                Optional.of("echo first; echo second; exit 3"), task.prompt(), task.check(), task.budget(),
                task.tags(), task.checkFiles(), task.checkNetwork());

        RunRecord record = execute(fixer, badSetup);

        assertThat(record.error()).startsWith("workspace: task easy: setup failed (exit 3)").doesNotContain("\n")
                .contains("first | second");
    }

    @Test
    void a_task_model_wins_over_the_default() {
        SuiteTask task = source.task("easy", "true");
        SuiteTask withModel = new SuiteTask(task.id(), task.repo(), task.commit(), task.setup(), task.prompt(),
                task.check(), new RunBudget(Optional.of("openai:gpt-5"), 10,
                        task.budget().maxCostUsd(), task.budget().timeout(), task.budget().checkTimeout()),
                task.tags(), task.checkFiles(), task.checkNetwork());

        assertThat(execute(fixer, withModel).model()).isEqualTo("openai:gpt-5");
    }

    @Test
    void the_source_repository_is_untouched() throws Exception {
        execute(fixer, source.task("easy", "test -f fixed.txt"));

        assertThat(sourceDir.resolve("fixed.txt")).doesNotExist();
        try (Git git = Git.open(sourceDir.toFile())) {
            assertThat(git.status().call().isClean()).isTrue();
            assertThat(git.getRepository().resolve("HEAD").name()).isEqualTo(source.head());
        }
    }

    @Test
    void an_agent_that_rewrites_the_check_script_is_judged_by_the_real_one() throws Exception {
        SourceRepo gamed = SourceRepo.create(sourceDir.resolve("gamed"), Map.of("check.sh", "test -f fixed.txt\n"));
        ScriptedAgent cheat = new ScriptedAgent((task, strategy, workspace) ->
                Files.writeString(workspace.resolve("check.sh"), "exit 0\n"));

        RunRecord record = execute(cheat, gamed.task("easy", "sh check.sh"));

        assertThat(record.solved()).isFalse();
        assertThat(record.error()).isNull();
        assertThat(execute(fixer, gamed.task("easy", "sh check.sh")).solved()).isTrue();
    }

    @Test
    void check_files_are_put_back_whole_and_links_the_agent_planted_are_removed_not_followed(@TempDir Path outside)
            throws Exception {
        SourceRepo gamed = SourceRepo.create(sourceDir.resolve("gamed"), Map.of(
                "run-tests.sh", "for t in tests/*.sh; do sh \"$t\" || exit 1; done\n",
                "tests/fixed.sh", "test -f fixed.txt\n"));
        Files.writeString(outside.resolve("kept.txt"), "outside\n");
        ScriptedAgent cheat = new ScriptedAgent((task, strategy, workspace) -> {
            Files.writeString(workspace.resolve("tests/fixed.sh"), "exit 0\n");
            Files.writeString(workspace.resolve("tests/extra.sh"), "exit 0\n");
            Files.delete(workspace.resolve("run-tests.sh"));
            Files.createSymbolicLink(workspace.resolve("run-tests.sh"), outside.resolve("kept.txt"));
        });
        ScriptedAgent linker = new ScriptedAgent((task, strategy, workspace) -> {
            Files.writeString(workspace.resolve("fixed.txt"), "fixed\n");
            Files.delete(workspace.resolve("tests/fixed.sh"));
            Files.delete(workspace.resolve("tests"));
            Files.createSymbolicLink(workspace.resolve("tests"), outside);
        });
        SuiteTask task = gamed.task("easy", "sh run-tests.sh", Duration.ofSeconds(30), List.of("tests"));

        assertThat(execute(cheat, task).solved()).isFalse();
        assertThat(execute(linker, task).solved()).as("the real tests, put back in place of the link").isTrue();
        try (Stream<Path> left = Files.list(outside)) {
            assertThat(left).containsExactly(outside.resolve("kept.txt"));
        }
        assertThat(outside.resolve("kept.txt")).hasContent("outside");
    }

    @Test
    void a_check_file_the_commit_does_not_have_is_an_errored_run() {
        RunRecord record = execute(fixer, source.task("easy", "true", Duration.ofSeconds(30), List.of("tests")));

        assertThat(record.solved()).isFalse();
        assertThat(record.error()).isEqualTo("workspace: task easy: check_files: tests is not in commit " + source.head());
        assertThat(fixer.runs()).isEmpty();
    }

    @Test
    void a_kept_workspace_stays_with_the_agents_edits() throws Exception {
        ExecutorKind.local.create(new ExecutorSettings(fixer, MODEL, true, workRoot, System.getenv(), Sandbox.of(SandboxMode.FULL)))
                .execute(new PlannedRun(source.task("easy", "true"), "masking", 1));

        assertThat(leftInWorkRoot()).singleElement()
                .satisfies(dir -> assertThat(dir.resolve("fixed.txt")).hasContent("fixed by masking"));
    }
}
