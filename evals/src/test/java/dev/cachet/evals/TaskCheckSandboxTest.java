package dev.cachet.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check runs what the agent left in the workspace, so it gets the agent's sandbox: no secrets, no network. */
class TaskCheckSandboxTest {
    private static final String SECRET = "planted-secret-value";
    private static final Path CURL = Path.of("/usr/bin/curl");

    @TempDir
    Path workspace;

    @StartStop
    final MockWebServer outside = new MockWebServer();

    private final Map<String, String> environment = new HashMap<>(System.getenv());

    @BeforeEach
    void needsBubblewrap() {
        // A check that cannot be confined here is refused: bwrap or prlimit is not installed.
        assumeThatCode(() -> check("true", Sandbox.of(SandboxMode.WORKSPACE_WRITE))).doesNotThrowAnyException();
        environment.put("PLANTED_API_KEY", SECRET);
    }

    private CheckResult check(String command, Sandbox sandbox) {
        return new TaskCheck(Duration.ofSeconds(30), environment, sandbox).run("t1", command, workspace);
    }

    @Test
    void a_check_that_reads_a_planted_secret_or_the_network_sees_neither() {
        assumeTrue(Files.isExecutable(CURL), "curl is not installed");
        String command = "echo \"key=${PLANTED_API_KEY:-none}\"; " + CURL + " -s --max-time 5 " + outside.url("/")
                + " && echo reached; exit 0";

        CheckResult result = check(command, Sandbox.of(SandboxMode.WORKSPACE_WRITE));

        assertThat(result.output()).contains("key=none").doesNotContain(SECRET).doesNotContain("reached");
        assertThat(outside.getRequestCount()).isZero();
    }

    @Test
    void what_the_agents_commands_may_reach_the_check_may_reach_too() {
        assumeTrue(Files.isExecutable(CURL), "curl is not installed");
        Sandbox open = new Sandbox(SandboxMode.WORKSPACE_WRITE, Set.of("PLANTED_API_KEY"), true);
        outside.enqueue(new MockResponse.Builder().code(200).build());

        CheckResult result = check("echo \"key=$PLANTED_API_KEY\"; " + CURL + " -s --max-time 5 -o /dev/null "
                + outside.url("/") + " && echo reached", open);

        assertThat(result.output()).contains("key=" + SECRET).contains("reached");
        assertThat(outside.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_check_can_build_in_the_workspace_and_nowhere_else(@TempDir Path elsewhere) {
        CheckResult result = check("mkdir build && echo ok > build/out && (echo x > " + elsewhere.resolve("escaped")
                + " || true)", Sandbox.of(SandboxMode.WORKSPACE_WRITE));

        assertThat(result.passed()).as(result.output()).isTrue();
        assertThat(workspace.resolve("build/out")).hasContent("ok");
        assertThat(elsewhere.resolve("escaped")).doesNotExist();
    }
}
