package dev.cachet.tools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerEnvironmentTest {
    @TempDir
    Path dir;

    @Test
    void path_keeps_only_the_absolute_folders_the_workspace_does_not_hold_however_reached() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws/.venv/bin")).getParent().getParent();
        Path linked = Files.createSymbolicLink(dir.resolve("linked"), workspace.resolve(".venv/bin"));

        ServerEnvironment environment = ServerEnvironment.outside(workspace, Map.of("PATH",
                String.join(":", workspace + "/.venv/bin", linked.toString(), "bin", ".", "/usr/bin", "/bin")));

        assertThat(environment.inherited()).containsEntry("PATH", "/usr/bin:/bin");
        assertThat(environment.withheld()).isEmpty();
    }

    @Test
    void a_variable_naming_a_path_in_the_workspace_is_withheld_however_it_names_it() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Path linked = Files.createSymbolicLink(dir.resolve("proj"), workspace);

        ServerEnvironment environment = ServerEnvironment.outside(workspace, Map.of(
                "PYTHONPATH", "/opt/lib:" + workspace + "/src",
                "NODE_OPTIONS", "--max-old-space-size=4096 --require=" + linked + "/hook.js",
                "RUBYOPT", "-r" + workspace + "/not-yet-written.rb",
                "LD_PRELOAD", "/usr/lib/libfoo.so",
                "HOME", workspace.toString(),
                "CLASSPATH", dir.resolve("other.jar").toString(),
                "PWD", workspace.toString(),
                "OLDPWD", workspace.resolve("sub").toString()));

        assertThat(environment.withheld()).containsExactly("NODE_OPTIONS", "PYTHONPATH", "RUBYOPT");
        assertThat(environment.inherited()).containsKeys("PYTHONPATH", "LD_PRELOAD", "CLASSPATH");
    }

    @Test
    void a_workspace_whose_path_holds_a_space_is_found_whole() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("My Projects/app"));

        ServerEnvironment environment = ServerEnvironment.outside(workspace, Map.of(
                "PYTHONPATH", workspace + "/src:/opt/lib",
                "PERL5LIB", workspace.toString(),
                "OTHER", dir.resolve("My Projects/application").toString()));

        assertThat(environment.withheld()).containsExactly("PERL5LIB", "PYTHONPATH");
    }
}
