package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.ToolOutput;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinishToolTest {
    private final FinishTool tool = new FinishTool();

    @TempDir
    Path root;

    @Test
    void returns_the_summary() {
        assertThat(call(tool, root, "summary", "fixed the off-by-one; tests pass"))
                .isEqualTo(ToolOutput.ok("finished: fixed the off-by-one; tests pass"));
    }

    @Test
    void a_missing_summary_is_an_error() {
        assertThat(call(tool, root)).isEqualTo(ToolOutput.error("finish: missing required string argument 'summary'"));
    }

    @Test
    void a_summary_that_is_not_a_string_is_an_error() {
        assertThat(call(tool, root, "summary", 42)).isEqualTo(ToolOutput.error("finish: argument 'summary' must be a string, got NUMBER"));
    }

    @Test
    void is_named_finish() {
        assertThat(tool.name()).isEqualTo(FinishTool.NAME).isEqualTo("finish");
    }
}
