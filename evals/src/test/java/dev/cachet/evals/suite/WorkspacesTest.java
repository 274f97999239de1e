package dev.cachet.evals.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real repositories made with JGit: a source with two commits, v1 then v2, on branch main. */
class WorkspacesTest {
    private static final PersonIdent AUTHOR = new PersonIdent("Test", "test@example.com");

    @TempDir
    Path source;

    @TempDir
    Path tempRoot;

    private final Workspaces workspaces = new Workspaces(false, System.getenv());
    private RevCommit first;
    private RevCommit second;

    @BeforeEach
    void makeSource() throws Exception {
        try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch("main").call()) {
            first = commit(git, Map.of("README", "v1\n", "check.sh", "grep -q v1 README\n"), "first");
            git.branchCreate().setName("feature").setStartPoint(first).call();
            git.tag().setName("v1").setObjectId(first).setAnnotated(true).setMessage("v1").setTagger(AUTHOR).call();
            second = commit(git, Map.of("README", "v2\n", "added.txt", "new in v2\n"), "second");
        }
    }

    private RevCommit commit(Git git, Map<String, String> files, String message) throws Exception {
        for (var file : files.entrySet()) {
            Files.writeString(source.resolve(file.getKey()), file.getValue());
        }
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
    }

    private SuiteTask task(String repo, String commit, Optional<String> setup) {
        return new SuiteTask("t1", repo, commit, setup, "fix it", "sh check.sh", RunBudget.DEFAULT, List.of(), List.of(), false);
    }

    private SuiteTask task(String commit) {
        return task(source.toString(), commit, Optional.empty());
    }

    private List<Path> leftInTempRoot() throws IOException {
        try (Stream<Path> entries = Files.list(tempRoot)) {
            return entries.toList();
        }
    }

    @Test
    void the_workspace_holds_the_requested_commit_detached() throws Exception {
        try (TaskWorkspace workspace = workspaces.prepare(task(first.name()), tempRoot)) {
            Path dir = workspace.directory();
            assertThat(dir.getParent()).isEqualTo(tempRoot);
            assertThat(dir.resolve("README")).hasContent("v1");
            assertThat(dir.resolve("added.txt")).doesNotExist();
            assertThat(workspace.commit()).isEqualTo(first.name());
            try (Git clone = Git.open(dir.toFile())) {
                assertThat(clone.getRepository().getFullBranch()).isEqualTo(first.name());
                assertThat(clone.status().call().isClean()).isTrue();
                // The later commit that a task's solution may live in is reachable from no ref: git log --all
                // shows the task's commit and its ancestors only.
                assertThat(clone.getRepository().getRefDatabase().getRefs())
                        .extracting(org.eclipse.jgit.lib.Ref::getName).containsExactly("HEAD");
                assertThat(clone.log().all().call()).extracting(c -> c.name()).containsExactly(first.name());
            }
        }
    }

    @Test
    void the_default_commit_is_the_source_head() {
        try (TaskWorkspace workspace = workspaces.prepare(task("HEAD"), tempRoot)) {
            assertThat(workspace.commit()).isEqualTo(second.name());
            assertThat(workspace.directory().resolve("added.txt")).hasContent("new in v2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"feature", "v1", "main~1"})
    void a_branch_a_tag_or_an_expression_names_a_commit(String commit) {
        try (TaskWorkspace workspace = workspaces.prepare(task(commit), tempRoot)) {
            assertThat(workspace.commit()).isEqualTo(first.name());
        }
    }

    @Test
    void a_file_url_is_cloned_like_a_path() {
        SuiteTask task = task(source.toUri().toString(), first.name(), Optional.empty());

        try (TaskWorkspace workspace = workspaces.prepare(task, tempRoot)) {
            assertThat(workspace.directory().resolve("README")).hasContent("v1");
        }
    }

    @Test
    void the_source_repository_is_left_exactly_as_it_was() throws Exception {
        Map<String, String> before = snapshot(source);

        try (TaskWorkspace workspace = workspaces.prepare(task(first.name()), tempRoot)) {
            Files.writeString(workspace.directory().resolve("README"), "edited in the workspace\n");
            try (Git clone = Git.open(workspace.directory().toFile())) {
                clone.add().addFilepattern("README").call();
                clone.commit().setMessage("agent").setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
                assertThat(clone.getRepository().getRemoteNames()).isEmpty();
            }
        }

        assertThat(snapshot(source)).isEqualTo(before);
        try (Git git = Git.open(source.toFile())) {
            assertThat(git.getRepository().getFullBranch()).isEqualTo(Constants.R_HEADS + "main");
            assertThat(git.getRepository().resolve(Constants.HEAD)).isEqualTo(second);
            assertThat(git.status().call().isClean()).isTrue();
        }
    }

    /** Every file under the directory, .git included (refs, index, locks), with its size, mtime and content. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String state = Files.isDirectory(path) ? "dir"
                        : Files.size(path) + " " + Files.getLastModifiedTime(path) + " " + sha256(path);
                files.put(root.relativize(path).toString(), state);
            }
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void workspaces_prepared_at_once_from_one_source_are_independent() throws Exception {
        int count = 4;
        CyclicBarrier start = new CyclicBarrier(count);
        Callable<TaskWorkspace> prepare = () -> {
            start.await();
            return workspaces.prepare(task(first.name()), tempRoot);
        };
        ExecutorService pool = Executors.newFixedThreadPool(count);
        List<TaskWorkspace> prepared;
        try {
            List<Callable<TaskWorkspace>> calls = IntStream.range(0, count).mapToObj(i -> prepare).toList();
            prepared = pool.invokeAll(calls).stream().map(WorkspacesTest::get).toList();
        } finally {
            pool.shutdown();
        }

        for (int i = 0; i < count; i++) {
            Files.writeString(prepared.get(i).directory().resolve("README"), "edit " + i);
        }
        assertThat(prepared).extracting(TaskWorkspace::directory).doesNotHaveDuplicates();
        for (int i = 0; i < count; i++) {
            assertThat(prepared.get(i).directory().resolve("README")).hasContent("edit " + i);
            prepared.get(i).close();
        }
        assertThat(source.resolve("README")).hasContent("v2");
        assertThat(leftInTempRoot()).isEmpty();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void closing_deletes_the_workspace_read_only_parts_included() throws IOException {
        TaskWorkspace workspace = workspaces.prepare(task("HEAD"), tempRoot);
        Path locked = Files.createDirectories(workspace.directory().resolve("cache/locked"));
        Files.writeString(locked.resolve("file"), "read-only").toFile().setWritable(false);
        locked.toFile().setWritable(false);

        workspace.close();

        assertThat(workspace.directory()).doesNotExist();
        assertThat(leftInTempRoot()).isEmpty();
    }

    @Test
    void a_kept_workspace_survives_closing() {
        TaskWorkspace workspace = new Workspaces(true, System.getenv()).prepare(task("HEAD"), tempRoot);

        workspace.close();

        assertThat(workspace.directory().resolve("README")).hasContent("v2");
    }

    @Test
    void an_unknown_commit_names_the_task_and_the_commit_and_leaves_nothing() throws IOException {
        assertThatThrownBy(() -> workspaces.prepare(task("no-such-ref"), tempRoot))
                .isInstanceOf(WorkspaceException.class)
                .hasMessage("task t1: commit no-such-ref not found in " + source);
        assertThat(leftInTempRoot()).isEmpty();
    }

    @Test
    void a_missing_repository_names_the_task_and_the_repository() {
        Path missing = source.resolve("missing");

        assertThatThrownBy(() -> workspaces.prepare(task(missing.toString(), "HEAD", Optional.empty()), tempRoot))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("task t1: cannot clone " + missing + " at HEAD: ");
    }

    @Test
    void setup_runs_in_the_workspace() {
        SuiteTask task = task(source.toString(), "HEAD", Optional.of("cat README > from-setup.txt"));

        try (TaskWorkspace workspace = workspaces.prepare(task, tempRoot)) {
            assertThat(workspace.directory().resolve("from-setup.txt")).hasContent("v2");
        }
    }

    @Test
    void a_failing_setup_names_the_task_the_exit_code_and_the_output_tail() throws IOException {
        SuiteTask task = task(source.toString(), "HEAD", Optional.of("echo 'gradle: build failed' >&2; exit 3"));

        assertThatThrownBy(() -> workspaces.prepare(task, tempRoot))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("task t1: setup failed (exit 3): ")
                .hasMessageEndingWith("gradle: build failed");
        assertThat(leftInTempRoot()).isEmpty();
    }

    @Test
    void a_setup_that_times_out_says_after_how_long_as_a_suite_writes_it() throws IOException {
        RunBudget oneSecond = new RunBudget(Optional.empty(), 50, OptionalDouble.empty(), Duration.ofSeconds(1),
                Duration.ofMinutes(5));
        SuiteTask task = new SuiteTask("t1", source.toString(), "HEAD", Optional.of("sleep 60"), "fix it",
                "sh check.sh", oneSecond, List.of(), List.of(), false);

        assertThatThrownBy(() -> workspaces.prepare(task, tempRoot))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("task t1: setup failed (timed out after 1s): sleep 60");
        assertThat(leftInTempRoot()).isEmpty();
    }
}
