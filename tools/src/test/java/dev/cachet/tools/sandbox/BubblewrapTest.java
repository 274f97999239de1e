package dev.cachet.tools.sandbox;

import static org.assertj.core.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BubblewrapTest {
    private static final Bubblewrap BWRAP = new Bubblewrap(Path.of("/usr/bin/bwrap"));
    private static final Path WORKSPACE = Path.of("/home/dev/project");
    private static final List<String> SHELL = List.of("/bin/sh", "-c", "make test");

    @TempDir
    Path dir;

    @Test
    void workspace_write_mounts_everything_read_only_but_the_workspace_with_a_private_tmp_and_no_network() {
        assertThat(BWRAP.wrap(SHELL, WORKSPACE, Sandbox.of(SandboxMode.WORKSPACE_WRITE))).containsExactly(
                "/usr/bin/bwrap",
                "--ro-bind", "/", "/",
                "--dev", "/dev",
                "--proc", "/proc",
                "--tmpfs", "/tmp",
                "--bind", "/home/dev/project", "/home/dev/project",
                "--unshare-net",
                "--die-with-parent",
                "--chdir", "/home/dev/project",
                "/bin/sh", "-c", "make test");
    }

    @Test
    void read_only_mounts_the_workspace_read_only_too() {
        List<String> argv = BWRAP.wrap(SHELL, WORKSPACE, Sandbox.of(SandboxMode.READ_ONLY));

        assertThat(argv).containsSequence("--ro-bind", "/home/dev/project", "/home/dev/project").doesNotContain("--bind");
    }

    @Test
    void allowing_the_network_keeps_the_network_namespace() {
        List<String> argv = BWRAP.wrap(SHELL, WORKSPACE, new Sandbox(SandboxMode.WORKSPACE_WRITE, Set.of(), true));

        assertThat(argv).doesNotContain("--unshare-net").containsSequence("--die-with-parent", "--chdir");
    }

    @Test
    void is_found_in_the_first_path_directory_that_has_it_executable() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path notExecutable = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(notExecutable.resolve("bwrap"), "");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("bwrap"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(bin.resolve("bwrap"), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(Bubblewrap.onPath(String.join(":", "", empty.toString(), notExecutable.toString(), bin.toString())))
                .contains(new Bubblewrap(bin.resolve("bwrap")));
    }

    @Test
    void is_missing_from_a_path_without_it() {
        assertThat(Bubblewrap.onPath(dir.toString())).isEmpty();
        assertThat(Bubblewrap.onPath("")).isEmpty();
        assertThat(Bubblewrap.onPath(null)).isEmpty();
    }
}
