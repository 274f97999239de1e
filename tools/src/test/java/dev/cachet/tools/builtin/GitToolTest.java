package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.tools.ToolOutput;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every git tool shares: it reads the workspace's repository, and says so when there is none. */
class GitToolTest {
    @TempDir
    Path root;

    static Stream<GitTool> tools() {
        return Stream.of(new GitStatusTool(), new GitDiffTool());
    }

    @ParameterizedTest
    @MethodSource("tools")
    void refuses_a_workspace_that_is_not_a_repository(GitTool tool) {
        assertThat(call(tool, root)).isEqualTo(ToolOutput.error("the workspace is not a git repository"));
    }
}
