package dev.cachet.tools.sandbox;

import static org.assertj.core.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SandboxModeTest {
    @Test
    void parses_the_command_line_names() {
        assertThat(SandboxMode.parse("read-only")).isEqualTo(SandboxMode.READ_ONLY);
        assertThat(SandboxMode.parse("workspace-write")).isEqualTo(SandboxMode.WORKSPACE_WRITE);
        assertThat(SandboxMode.parse("full")).isEqualTo(SandboxMode.FULL);
    }

    @Test
    void an_unknown_name_is_refused_with_the_names_there_are() {
        assertThatIllegalArgumentException().isThrownBy(() -> SandboxMode.parse("WORKSPACE_WRITE"))
                .withMessage("unknown sandbox mode 'WORKSPACE_WRITE'; expected read-only, workspace-write, full");
    }

    @Test
    void shows_as_its_command_line_name() {
        assertThat(SandboxMode.DEFAULT).hasToString("workspace-write");
    }

    @Test
    void only_full_runs_commands_unconfined_and_only_read_only_keeps_the_workspace_as_it_is() {
        assertThat(SandboxMode.values()).filteredOn(SandboxMode::confinesCommands)
                .containsExactly(SandboxMode.READ_ONLY, SandboxMode.WORKSPACE_WRITE);
        assertThat(SandboxMode.values()).filteredOn(SandboxMode::allowsWorkspaceWrites)
                .containsExactly(SandboxMode.WORKSPACE_WRITE, SandboxMode.FULL);
    }
}
