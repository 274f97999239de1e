package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.harness.config.UserDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where replay and stats look for the user's own logs when given no paths, as Claude Code and Codex keep them. */
class UserLogsTest {
    @TempDir
    Path home;

    @Test
    void finds_claude_codes_projects_in_both_its_homes_and_codexs_sessions_archived_ones_too() throws IOException {
        Path xdgClaude = Files.createDirectories(home.resolve(".config/claude/projects"));
        Path claude = Files.createDirectories(home.resolve(".claude/projects"));
        Path codex = Files.createDirectories(home.resolve(".codex/sessions"));
        Path archived = Files.createDirectories(home.resolve(".codex/archived_sessions"));

        assertThat(find(Map.of("HOME", home.toString()))).containsExactly(xdgClaude, claude, codex, archived);
    }

    @Test
    void the_variables_claude_code_and_codex_take_name_their_homes() throws IOException {
        Files.createDirectories(home.resolve(".claude/projects"));
        Files.createDirectories(home.resolve(".codex/sessions"));
        Path first = Files.createDirectories(home.resolve("work/claude/projects"));
        Path second = Files.createDirectories(home.resolve("personal/claude/projects"));
        Path codex = Files.createDirectories(home.resolve("codex-home/sessions"));

        // ccusage takes several Claude Code homes, comma-separated; one without projects adds none.
        assertThat(find(Map.of("HOME", home.toString(),
                "CLAUDE_CONFIG_DIR", home.resolve("work/claude") + "," + home.resolve("personal/claude") + ", ,"
                        + home.resolve("nowhere"),
                "CODEX_HOME", home.resolve("codex-home").toString())))
                .containsExactly(first, second, codex);
    }

    @Test
    void a_home_linked_to_the_other_is_read_once() throws IOException {
        Path claude = Files.createDirectories(home.resolve(".claude/projects"));
        Files.createDirectories(home.resolve(".config"));
        Files.createSymbolicLink(home.resolve(".config/claude"), home.resolve(".claude"));

        assertThat(find(Map.of("HOME", home.toString()))).containsExactly(home.resolve(".config/claude/projects"));
        assertThat(find(Map.of("HOME", home.toString())).get(0).toRealPath()).isEqualTo(claude.toRealPath());
    }

    private java.util.List<Path> find(Map<String, String> environment) {
        return new UserLogs(new UserDirs(environment), home).find();
    }
}
