package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static dev.cachet.tools.ToolTesting.context;
import static org.assertj.core.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.sandbox.HiddenPaths;
import dev.cachet.tools.sandbox.ProcessLimitSupport;
import dev.cachet.tools.sandbox.ProcessLimits;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import dev.cachet.tools.sandbox.SandboxSupport;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hostile model's commands against the bubblewrap sandbox, as the test user can try them; skipped where bwrap is
 * not installed. These tests run as root in CI, where an unconfined root would succeed at every one of them; an
 * ordinary user is refused the privileged ones (remount, nsenter) by the kernel anyway, and sees the rest as here.
 */
class SandboxEscapeTest {
    private static final long JAVA_PID = ProcessHandle.current().pid();

    private final RunCommandTool tool = new RunCommandTool();

    @TempDir
    Path root;

    // Outside /tmp, which the sandbox replaces with a private one: what is hidden here is hidden by the sandbox.
    private Path outside;
    private Path home;

    @BeforeEach
    void needs_bubblewrap_and_a_home_outside_tmp() throws IOException {
        SandboxSupport.assumeAvailable(SandboxMode.WORKSPACE_WRITE, root);
        outside = Files.createTempDirectory(Path.of("/var/tmp"), "cachet-outside-");
        home = Files.createDirectories(outside.resolve("home"));
    }

    @AfterEach
    void remove_outside() throws IOException {
        if (outside != null) {
            try (Stream<Path> walk = Files.walk(outside)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }

    private ToolContext in(Sandbox sandbox) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("HOME", home.toString());
        return context(root, environment).withSandbox(sandbox);
    }

    private ToolOutput run(String command) {
        return call(tool, in(Sandbox.of(SandboxMode.WORKSPACE_WRITE)), "command", command);
    }

    @Test
    void remounting_the_root_read_write_gains_nothing() {
        Path target = outside.resolve("written");

        ToolOutput output = run("mount -o remount,rw,bind / ; mount -o remount,rw / ; umount -l /var/tmp ; "
                + "echo pwned > " + target + " ; echo done");

        assertThat(output.content()).endsWith("done\n");
        assertThat(target).doesNotExist();
    }

    @Test
    void cachets_own_process_and_its_environment_are_out_of_sight() {
        ToolOutput output = run("test -e /proc/" + JAVA_PID + " && echo java-visible; "
                + "cat /proc/" + JAVA_PID + "/environ && echo environ-read; "
                + "ps -e -o comm= | grep -x java && echo java-listed; "
                + "kill -0 " + JAVA_PID + " && echo java-signalled; echo done");

        assertThat(output.content()).endsWith("done\n")
                .doesNotContain("java-visible", "environ-read", "java-listed", "java-signalled");
    }

    @Test
    void nsenter_cannot_join_cachets_namespaces() {
        ToolOutput output = run("nsenter -t " + JAVA_PID + " -n -m true && echo joined-java; "
                + "nsenter -t 1 -m -n true && echo joined-init; echo done");

        assertThat(output.content()).endsWith("done\n").doesNotContain("joined-java", "joined-init");
    }

    @Test
    void a_command_has_no_capabilities() {
        ToolOutput output = run("grep -E '^Cap(Prm|Eff|Bnd|Amb):' /proc/self/status");

        assertThat(output.content()).isEqualTo("exit code 0\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\n"
                + "CapBnd:\t0000000000000000\nCapAmb:\t0000000000000000\n");
    }

    @Test
    void a_fork_bomb_stops_at_the_process_limit() throws IOException {
        assumeTrue(ProcessLimitSupport.holds(), "running as root, where RLIMIT_NPROC does not hold, and no pids cgroup "
                + "can be made here");
        Sandbox limited = Sandbox.of(SandboxMode.WORKSPACE_WRITE)
                .withLimits(new ProcessLimits(50, ProcessLimits.DEFAULT.memoryBytes()));

        ToolOutput output = call(tool, in(limited), "command",
                "i=0; while [ $i -lt 1000 ]; do sleep 5 & i=$((i+1)); done; echo all started");

        assertThat(output.content()).doesNotContain("all started").containsIgnoringCase("fork");
    }

    @Test
    void a_memory_hog_stops_at_the_memory_limit() {
        Sandbox limited = Sandbox.of(SandboxMode.WORKSPACE_WRITE)
                .withLimits(new ProcessLimits(ProcessLimits.DEFAULT.processes(), 256L << 20));

        ToolOutput output = call(tool, in(limited), "command",
                "dd if=/dev/zero of=/dev/null bs=600M count=1 2>&1 && echo allocated");

        assertThat(output.content()).contains("memory exhausted").doesNotContain("allocated");
    }

    @Test
    void the_users_credential_stores_are_unreadable() throws IOException {
        List<String> stores = List.of(".ssh/id_ed25519", ".aws/credentials", ".gnupg/private-keys-v1.d/key",
                ".config/gcloud/credentials.db", ".kube/config", ".docker/config.json", ".netrc",
                ".config/cachet/config.yaml", ".git-credentials", ".config/gh/hosts.yml");
        for (String store : stores) {
            plant(home.resolve(store), "secret of " + store);
        }
        plant(home.resolve(".bashrc"), "ordinary settings");

        ToolOutput output = run("cd; cat " + String.join(" ", stores) + " .bashrc 2>/dev/null; echo done");

        assertThat(output.content()).doesNotContain("secret of").contains("ordinary settings").endsWith("done\n");
    }

    @Test
    void a_credential_store_behind_a_symbolic_link_is_unreadable_by_either_name() throws IOException {
        Path real = plant(outside.resolve("aws-real/credentials"), "secret of aws").getParent();
        Files.createSymbolicLink(home.resolve(".aws"), real);

        ToolOutput output = run("cat ~/.aws/credentials " + real.resolve("credentials") + "; echo done");

        assertThat(output.content()).doesNotContain("secret of").endsWith("done\n");
    }

    @Test
    void extra_paths_can_be_hidden_and_hidden_ones_shown() throws IOException {
        plant(outside.resolve("vault/token"), "secret of vault");
        plant(outside.resolve("vault.txt"), "secret of vault file");
        plant(home.resolve(".docker/config.json"), "docker settings the user shares");
        plant(home.resolve(".config/gcloud/credentials.db"), "secret of gcloud");
        plant(home.resolve(".config/gcloud/configurations/config_default"), "gcloud project the user shares");
        HiddenPaths hidden = new HiddenPaths(List.of(outside.resolve("vault"), outside.resolve("vault.txt")),
                List.of(home.resolve(".docker"), home.resolve(".config/gcloud/configurations")));
        Sandbox sandbox = Sandbox.of(SandboxMode.WORKSPACE_WRITE).withHidden(hidden);

        ToolOutput output = call(tool, in(sandbox), "command", "cat " + outside.resolve("vault/token") + " "
                + outside.resolve("vault.txt") + " ~/.docker/config.json ~/.config/gcloud/credentials.db "
                + "~/.config/gcloud/configurations/config_default; echo done");

        assertThat(output.content()).doesNotContain("secret of")
                .contains("docker settings the user shares", "gcloud project the user shares");
    }

    @Test
    void the_memory_a_command_keeps_in_files_is_bounded_a_mask_takes_none_and_tmp_what_one_process_may() throws IOException {
        plant(home.resolve(".ssh/id_rsa"), "secret key");
        Sandbox small = Sandbox.of(SandboxMode.WORKSPACE_WRITE).withLimits(new ProcessLimits(1024, 64L << 20));

        ToolOutput output = call(tool, in(small), "command", "echo x > ~/.ssh/planted; head -c 100000000 /dev/zero "
                + "> /tmp/big; echo /tmp holds $(($(wc -c < /tmp/big) / 1048576)) MiB");

        assertThat(output.content()).contains("Read-only file system", "No space left on device", "/tmp holds 64 MiB");
    }

    @ParameterizedTest
    @EnumSource(value = SandboxMode.class, names = {"READ_ONLY", "WORKSPACE_WRITE"})
    void cachets_config_and_state_in_the_workspace_cannot_change(SandboxMode mode) throws IOException {
        plant(root.resolve(".cachet.yaml"), "strategy: hybrid\n");
        plant(root.resolve(".cachet/sessions/s.jsonl"), "{}\n");

        ToolOutput output = call(tool, in(Sandbox.of(mode)), "command", "echo 'base_url: http://evil' >> .cachet.yaml; "
                + "rm -rf .cachet/sessions; touch .cachet/new; mv .cachet .cachet-moved; mv .cachet.yaml moved.yaml; "
                + "rm -rf .cachet .cachet.yaml; echo done");

        assertThat(output.content()).endsWith("done\n");
        assertThat(root.resolve(".cachet.yaml")).hasContent("strategy: hybrid");
        assertThat(root.resolve(".cachet/sessions/s.jsonl")).hasContent("{}");
        assertThat(root.resolve(".cachet/new")).doesNotExist();
    }

    @Test
    void absent_config_and_state_cannot_be_created_and_leave_nothing_behind() throws IOException {
        ToolOutput output = run("echo 'base_url: http://evil' > .cachet.yaml; mkdir -p .cachet/sessions; "
                + "touch .cachet/x; echo done");

        assertThat(output.content()).endsWith("done\n");
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void a_command_a_stop_interrupts_leaves_nothing_behind() throws Exception {
        Thread command = new Thread(() -> run("sleep 100"));
        command.start();
        // bwrap makes its mount points on the host as it starts the command.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(root.resolve(".cachet")) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(root.resolve(".cachet")).as("the command started").exists();

        command.interrupt();
        command.join();

        try (Stream<Path> files = Files.list(root)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void sockets_of_the_hosts_daemons_are_out_of_reach() throws IOException {
        Path run = Path.of("/run");
        assumeTrue(Files.isWritable(run), "cannot create a socket in /run as this user");
        Path socket = run.resolve("cachet-test-" + UUID.randomUUID() + ".sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            ToolOutput output = run("test -S " + socket + " && echo reachable; echo done");

            assertThat(output.content()).isEqualTo("exit code 0\ndone\n");
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    private static Path plant(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
