package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.suite.Directories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cachet demo` leaves no temporary directory behind, however it ends, unless asked to keep it. */
class DemoCleanupTest {
    private static final Pattern WORKSPACE = Pattern.compile("(?m)^  workspace (\\S+)$");

    @TempDir
    Path home;

    @Test
    void a_demo_that_passes_removes_its_workspace() {
        CliRun run = CliRun.of("demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(workspace(run.out())).doesNotExist();
    }

    @Test
    void a_demo_that_a_limit_stops_removes_its_workspace_too() {
        CliRun run = CliRun.of("demo", "--max-turns", "2");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(workspace(run.out())).doesNotExist();
    }

    @Test
    void keep_leaves_the_workspace_and_says_where_it_is() {
        CliRun run = CliRun.of("demo", "--keep");

        Path workspace = workspace(run.out());
        try {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(workspace.resolve("check.sh")).isRegularFile();
            assertThat(run.out()).contains("kept:    " + workspace + " (--keep)");
        } finally {
            Directories.deleteRecursively(workspace);
        }
    }

    @Test
    void ctrl_c_stops_the_demo_and_removes_its_workspace() throws Exception {
        CachetProcess demo = ctrlCAfter("  workspace ");

        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(demo.out()).contains("stopped: interrupted: stopped by Ctrl-C");
        assertThat(workspace(demo.out())).doesNotExist();
    }

    @Test
    void ctrl_c_during_the_check_stops_the_demo_without_a_verdict_and_removes_its_workspace() throws Exception {
        // After the session's last line: the check (a second or so) runs next.
        CachetProcess demo = ctrlCAfter("cost:");

        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(demo.out()).contains("stopped: done").doesNotContain("check:");
        assertThat(workspace(demo.out())).doesNotExist();
    }

    /** A demo sent Ctrl-C as soon as it printed a line that starts with {@code prefix}. */
    private CachetProcess ctrlCAfter(String prefix) throws Exception {
        CachetProcess demo = CachetProcess.start(home, "demo");
        String line = demo.nextLine();
        while (line != null && !line.startsWith(prefix)) {
            line = demo.nextLine();
        }
        assertThat(line).as(demo.err()).isNotNull();
        demo.signal("INT");
        return demo;
    }

    private static Path workspace(String out) {
        Matcher matcher = WORKSPACE.matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        Path workspace = Path.of(matcher.group(1));
        assertThat(workspace.getFileName().toString()).startsWith("cachet-demo-");
        return workspace;
    }
}
