package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static dev.cachet.tools.ToolTesting.context;
import static org.assertj.core.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachet.tools.ToolContext;
import dev.cachet.tools.ToolOutput;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import dev.cachet.tools.sandbox.SandboxSupport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run_command in real bubblewrap sandboxes, on real files; skipped where bwrap is not installed. */
class SandboxedRunCommandTest {
    private final RunCommandTool tool = new RunCommandTool();

    @TempDir
    Path root;

    // Outside /tmp, where @TempDir lives: a refusal there shows the read-only filesystem, not the private /tmp.
    private Path outside;

    @BeforeEach
    void needsBubblewrap() throws IOException {
        SandboxSupport.assumeAvailable(SandboxMode.WORKSPACE_WRITE, root);
        outside = Files.createTempDirectory(Path.of("/var/tmp"), "cachet-outside-");
    }

    @AfterEach
    void removeOutside() throws IOException {
        if (outside != null) {
            for (String name : List.of("x", "bwrap", "prlimit")) {
                Files.deleteIfExists(outside.resolve(name));
            }
            Files.delete(outside);
        }
    }

    private ToolContext in(SandboxMode mode) {
        return context(root).withSandbox(Sandbox.of(mode));
    }

    @Test
    void workspace_write_lets_a_command_write_in_the_workspace() throws IOException {
        ToolOutput output = call(tool, in(SandboxMode.WORKSPACE_WRITE), "command", "mkdir -p out && echo hi > out/x && cat out/x");

        assertThat(output).isEqualTo(ToolOutput.ok("exit code 0\nhi\n"));
        assertThat(root.resolve("out/x")).hasContent("hi");
    }

    @Test
    void a_bwrap_or_prlimit_the_agent_planted_on_path_inside_the_workspace_is_never_run() throws IOException {
        // An activated virtualenv puts a folder of the workspace first on PATH; so does a relative entry.
        Path bin = Files.createDirectories(root.resolve(".venv/bin"));
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("PATH", bin + ":.venv/bin:" + System.getenv("PATH"));
        ToolContext context = context(root, environment).withSandbox(Sandbox.of(SandboxMode.WORKSPACE_WRITE));
        call(tool, context, "command", "for p in bwrap prlimit; do printf '#!/bin/sh\\ntouch %s/$p\\n' "
                + outside + " > .venv/bin/$p; chmod +x .venv/bin/$p; done");

        ToolOutput output = call(tool, context, "command", "echo confined");

        assertThat(output).isEqualTo(ToolOutput.ok("exit code 0\nconfined\n"));
        assertThat(outside.resolve("bwrap")).doesNotExist();
        assertThat(outside.resolve("prlimit")).doesNotExist();
    }

    @Test
    void workspace_write_refuses_a_write_outside_the_workspace() {
        ToolOutput output = call(tool, in(SandboxMode.WORKSPACE_WRITE), "command", "touch " + outside.resolve("x"));

        assertThat(output.content()).doesNotStartWith("exit code 0").contains("Read-only file system");
        assertThat(outside.resolve("x")).doesNotExist();
    }

    @Test
    void full_lets_a_command_write_outside_the_workspace() {
        assertThat(call(tool, in(SandboxMode.FULL), "command", "touch " + outside.resolve("x")))
                .isEqualTo(ToolOutput.ok("exit code 0\n"));
        assertThat(outside.resolve("x")).exists();
    }

    @Test
    void a_confined_command_writes_to_a_private_tmp_that_is_gone_afterwards() {
        Path file = Path.of("/tmp", "cachet-" + UUID.randomUUID());

        ToolOutput output = call(tool, in(SandboxMode.READ_ONLY), "command", "echo private > " + file + " && cat " + file);

        assertThat(output).isEqualTo(ToolOutput.ok("exit code 0\nprivate\n"));
        assertThat(file).doesNotExist();
    }

    @Test
    void read_only_lets_a_command_read_the_workspace_but_not_write_it() throws IOException {
        Files.writeString(root.resolve("kept.txt"), "as it was\n");

        ToolOutput output = call(tool, in(SandboxMode.READ_ONLY), "command", "cat kept.txt; echo changed > kept.txt");

        assertThat(output.content()).startsWith("exit code 2\nas it was\n").contains("Read-only file system");
        assertThat(root.resolve("kept.txt")).hasContent("as it was");
    }

    @Test
    void git_commits_everything_around_the_covers_over_cachets_absent_files() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")), "needs git");
        Files.writeString(root.resolve("a.txt"), "a\n");

        ToolOutput output = call(tool, in(SandboxMode.WORKSPACE_WRITE), "command", "git init -q . && git add -A && "
                + "git -c user.name=agent -c user.email=agent@example.com commit -qm work && git ls-files");

        assertThat(output).isEqualTo(ToolOutput.ok("exit code 0\na.txt\n"));
    }

    @Test
    void a_confined_command_has_no_network_unless_allowed() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for /dev/tcp");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String connect = "bash -c 'exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort() + "' && echo connected";
            Sandbox online = new Sandbox(SandboxMode.WORKSPACE_WRITE, Set.of(), true);

            ToolOutput offline = call(tool, in(SandboxMode.WORKSPACE_WRITE), "command", connect);

            assertThat(offline.content()).doesNotStartWith("exit code 0").doesNotContain("connected");
            assertThat(call(tool, context(root).withSandbox(online), "command", connect))
                    .isEqualTo(ToolOutput.ok("exit code 0\nconnected\n"));
        }
    }
}
