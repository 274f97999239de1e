package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusFetchCommandTest {
    @TempDir
    Path home;

    @Test
    void offline_is_one_clear_line_and_an_input_error() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun run = CliRun.withEnvironment(Map.of("HOME", home.toString()), "corpus", "fetch",
                "--mirror", "http://127.0.0.1:" + closedPort);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.out()).contains("fetching 19 files").contains(home.resolve(".cache/cachet/corpus").toString());
        assertThat(run.err()).startsWith("cachet: cannot reach 127.0.0.1 to fetch swe-agent/").contains("(offline?)");
    }

    @Test
    void the_cache_directory_follows_xdg_cache_home() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun run = CliRun.withEnvironment(Map.of("HOME", home.toString(), "XDG_CACHE_HOME", home.resolve("xdg").toString()),
                "corpus", "fetch", "--mirror", "http://127.0.0.1:" + closedPort);

        assertThat(run.out()).contains(home.resolve("xdg/cachet/corpus").toString());
    }

    @Test
    void a_mirror_that_is_not_a_url_is_refused() {
        CliRun run = CliRun.withEnvironment(Map.of("HOME", home.toString()), "corpus", "fetch", "--mirror", "ftp://x");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--mirror must be an http(s) URL");
    }
}
