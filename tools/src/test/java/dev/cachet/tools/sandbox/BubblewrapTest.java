package dev.cachet.tools.sandbox;

import static org.assertj.core.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BubblewrapTest {
    private static final Bubblewrap BWRAP = new Bubblewrap(Path.of("/usr/bin/bwrap"), true);
    private static final Path WORKSPACE = Path.of("/home/dev/project");
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final List<String> SHELL = List.of("/bin/sh", "-c", "make test");

    @TempDir
    Path dir;

    private static ConfinedCommand wrap(Path workspace, Sandbox sandbox, Map<String, String> environment) {
        return BWRAP.wrap(SHELL, workspace, sandbox, environment, PRLIMIT);
    }

    @Test
    void workspace_write_shuts_every_way_back_and_opens_only_the_workspace() {
        ConfinedCommand confined = wrap(WORKSPACE, Sandbox.of(SandboxMode.WORKSPACE_WRITE), Map.of());

        assertThat(confined.argv()).containsExactly(
                "/usr/bin/bwrap",
                "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--cap-drop", "ALL",
                "--die-with-parent", "--new-session",
                "--ro-bind", "/", "/",
                "--dev", "/dev",
                "--proc", "/proc",
                "--size", "8589934592", "--tmpfs", "/tmp",
                "--size", "67108864", "--tmpfs", "/run",
                "--unshare-net",
                "--bind", "/home/dev/project", "/home/dev/project",
                "--tmpfs", "/home/dev/project/.cachet.yaml", "--remount-ro", "/home/dev/project/.cachet.yaml",
                "--tmpfs", "/home/dev/project/.cachet", "--remount-ro", "/home/dev/project/.cachet",
                "--chdir", "/home/dev/project",
                "/usr/bin/prlimit", "--nproc=1024", "--as=8589934592", "--",
                "/bin/sh", "-c", "make test");
        assertThat(confined.mountPoints())
                .containsExactly(WORKSPACE.resolve(".cachet.yaml"), WORKSPACE.resolve(".cachet"));
    }

    @Test
    void cachets_existing_files_are_mounted_read_only_over_themselves() throws IOException {
        Files.writeString(dir.resolve(".cachet.yaml"), "strategy: hybrid\n");
        Files.createDirectories(dir.resolve(".cachet"));

        ConfinedCommand confined = wrap(dir, Sandbox.of(SandboxMode.WORKSPACE_WRITE), Map.of());

        assertThat(confined.argv())
                .containsSequence("--ro-bind", dir + "/.cachet.yaml", dir + "/.cachet.yaml")
                .containsSequence("--ro-bind", dir + "/.cachet", dir + "/.cachet");
        assertThat(confined.mountPoints()).isEmpty();
    }

    @Test
    void read_only_mounts_the_workspace_read_only_and_needs_no_mount_points() {
        ConfinedCommand confined = wrap(WORKSPACE, Sandbox.of(SandboxMode.READ_ONLY), Map.of());

        assertThat(confined.argv()).containsSequence("--ro-bind", "/home/dev/project", "/home/dev/project")
                .doesNotContain("--bind", "/home/dev/project/.cachet.yaml");
        assertThat(confined.mountPoints()).isEmpty();
    }

    @Test
    void allowing_the_network_keeps_the_network_namespace() {
        List<String> argv = wrap(WORKSPACE, new Sandbox(SandboxMode.WORKSPACE_WRITE, Set.of(), true), Map.of()).argv();

        assertThat(argv).doesNotContain("--unshare-net");
    }

    @Test
    void applies_the_sandboxs_limits_inside_the_namespaces() {
        Sandbox sandbox = Sandbox.of(SandboxMode.WORKSPACE_WRITE).withLimits(new ProcessLimits(64, 1L << 30));

        assertThat(wrap(WORKSPACE, sandbox, Map.of()).argv())
                .endsWith("/usr/bin/prlimit", "--nproc=64", "--as=1073741824", "--", "/bin/sh", "-c", "make test");
    }

    @Test
    void hides_the_credential_stores_under_the_home_it_is_given() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".ssh"));
        Files.createDirectories(home.resolve(".config/cachet"));
        Files.writeString(home.resolve(".netrc"), "machine example.com password hunter2\n");
        // git's own store where XDG's config is: the file, not the rest of git's config.
        Files.writeString(Files.createDirectories(home.resolve(".config/git")).resolve("credentials"),
                "https://me:hunter2@example.com\n");

        List<String> argv = wrap(WORKSPACE, Sandbox.DEFAULT, Map.of("HOME", home.toString())).argv();

        assertThat(argv).containsSequence("--tmpfs", home + "/.ssh", "--ro-bind", "/dev/null", home + "/.netrc",
                        "--tmpfs", home + "/.config/cachet", "--ro-bind", "/dev/null", home + "/.config/git/credentials",
                        "--remount-ro", home + "/.ssh", "--remount-ro", home + "/.config/cachet",
                        "--chdir")
                .doesNotContain(home + "/.aws", home + "/.kube");
    }

    @Test
    void hides_other_agents_logins_an_x_display_cookie_and_cachets_own_session_logs() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path state = Files.createDirectories(dir.resolve("state/cachet/sessions"));
        for (String file : List.of(".claude/.credentials.json", ".codex/auth.json", ".Xauthority",
                ".cargo/credentials.toml", ".terraform.d/credentials.tfrc.json")) {
            Files.createDirectories(home.resolve(file).getParent());
            Files.writeString(home.resolve(file), "{}");
        }
        Files.createDirectories(home.resolve(".local/state/cachet"));
        Files.createDirectories(home.resolve(".cache/cachet/prices"));

        List<String> argv = wrap(WORKSPACE, Sandbox.DEFAULT,
                Map.of("HOME", home.toString(), "XDG_STATE_HOME", state.getParent().getParent().toString())).argv();

        assertThat(argv).containsSequence("--ro-bind", "/dev/null", home + "/.claude/.credentials.json")
                .containsSequence("--ro-bind", "/dev/null", home + "/.codex/auth.json")
                .containsSequence("--ro-bind", "/dev/null", home + "/.Xauthority")
                .containsSequence("--ro-bind", "/dev/null", home + "/.cargo/credentials.toml")
                .containsSequence("--ro-bind", "/dev/null", home + "/.terraform.d/credentials.tfrc.json")
                .containsSequence("--tmpfs", home + "/.local/state/cachet")
                .containsSequence("--tmpfs", home + "/.cache/cachet")
                .containsSequence("--tmpfs", state.getParent().toString());
    }

    @Test
    void hides_nothing_of_a_home_it_is_not_given() {
        assertThat(wrap(WORKSPACE, Sandbox.DEFAULT, Map.of()).argv())
                .doesNotContain(System.getProperty("user.home") + "/.ssh");
    }

    @Test
    void hides_a_linked_store_at_its_real_path() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path real = Files.createDirectories(dir.resolve("elsewhere/aws"));
        Files.createSymbolicLink(home.resolve(".aws"), real);

        assertThat(wrap(WORKSPACE, Sandbox.DEFAULT, Map.of("HOME", home.toString())).argv())
                .containsSequence("--tmpfs", real.toRealPath().toString());
    }

    @Test
    void hides_extra_paths_and_shows_allowed_ones() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".docker"));
        Files.createDirectories(home.resolve(".config/gcloud/configurations"));
        Path vault = Files.createDirectories(dir.resolve("vault"));
        HiddenPaths hidden = new HiddenPaths(List.of(vault, dir.resolve("missing")),
                List.of(home.resolve(".docker"), home.resolve(".config/gcloud/configurations")));

        List<String> argv = wrap(WORKSPACE, Sandbox.DEFAULT.withHidden(hidden), Map.of("HOME", home.toString())).argv();

        assertThat(argv).containsSequence("--tmpfs", home + "/.config/gcloud", "--tmpfs", vault.toString(),
                        "--ro-bind", home + "/.config/gcloud/configurations", home + "/.config/gcloud/configurations",
                        "--remount-ro", home + "/.config/gcloud", "--remount-ro", vault.toString(), "--chdir")
                .doesNotContain(home + "/.docker", dir + "/missing");
    }

    @Test
    void allowing_a_folder_that_holds_hidden_paths_shows_none_of_them() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".ssh"));
        Path vault = Files.createDirectories(home.resolve("vault"));
        HiddenPaths hidden = new HiddenPaths(List.of(vault), List.of(home));

        List<String> argv = wrap(WORKSPACE, Sandbox.DEFAULT.withHidden(hidden), Map.of("HOME", home.toString())).argv();

        assertThat(argv).containsSequence("--tmpfs", home + "/.ssh").containsSequence("--tmpfs", vault.toString())
                .doesNotContainSequence("--ro-bind", home.toString());
    }

    @Test
    void a_folder_allowed_inside_a_hidden_one_keeps_the_hidden_paths_inside_it_masked() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".ssh"));
        HiddenPaths hidden = new HiddenPaths(List.of(dir), List.of(home));

        List<String> argv = wrap(WORKSPACE, Sandbox.DEFAULT.withHidden(hidden), Map.of("HOME", home.toString())).argv();

        assertThat(argv).containsSequence("--ro-bind", home.toString(), home.toString(), "--tmpfs", home + "/.ssh");
    }

    @Test
    void never_hides_a_folder_that_holds_the_workspace() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path workspace = Files.createDirectories(home.resolve(".config/cachet/project"));

        assertThat(wrap(workspace, Sandbox.DEFAULT, Map.of("HOME", home.toString())).argv())
                .doesNotContain(home + "/.config/cachet");
    }

    @Test
    void a_bwrap_before_0_7_is_not_asked_to_size_a_tmpfs_which_it_would_refuse() throws IOException {
        Path old = program("old/bwrap", "echo '    --tmpfs DEST    Mount new tmpfs on DEST'");
        Path current = program("new/bwrap", "echo '    --size BYTES    Set size of next argument (only for --tmpfs)'");

        assertThat(Bubblewrap.at(old).sizesTmpfs()).isFalse();
        assertThat(Bubblewrap.at(current).sizesTmpfs()).isTrue();
        assertThat(new Bubblewrap(old, false).wrap(List.of("true"), WORKSPACE, Sandbox.DEFAULT, Map.of(),
                Path.of("/usr/bin/prlimit")).argv()).doesNotContain("--size").containsSequence("--proc", "/proc",
                "--tmpfs", "/tmp");
    }

    private Path program(String name, String help) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + help + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
