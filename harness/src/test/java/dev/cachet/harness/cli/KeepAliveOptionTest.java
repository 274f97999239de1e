package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --cache-keepalive N} on the command line: its values, its help, and the models it cannot keep alive. */
class KeepAliveOptionTest {
    @TempDir
    Path workspace;

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void a_negative_or_non_numeric_count_is_refused_in_one_line_naming_the_flag() {
        CliRun negative = CliRun.of("run", "-w", workspace.toString(), "-m", "replay:x", "--cache-keepalive", "-1", "task");
        assertThat(negative.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(negative.err()).contains("--cache-keepalive").contains("must be at least 0, got -1");

        CliRun words = CliRun.of("chat", "--cache-keepalive", "lots");
        assertThat(words.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(words.err()).contains("--cache-keepalive").contains("'lots' is not a whole number");
    }

    @Test
    void the_help_says_when_a_ping_pays() {
        String help = CliRun.of("run", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("--cache-keepalive=N").contains("every 4.5 minutes (55 with --cache-ttl 1h), up to N "
                + "times per pause").contains("a ping is sent only while the pause's pings so far cost less than that rewrite");
    }

    @Test
    void an_openai_model_is_not_pinged_and_the_flag_says_so_once() {
        server.enqueue(StreamedAnswers.openAi("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1764000000,"model":"gpt-5",
                 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Nothing to do."}}],
                 "usage":{"prompt_tokens":1500,"completion_tokens":20,"total_tokens":1520}}"""));

        CliRun run = CliRun.of("run", "-w", workspace.toString(), "-m", "openai-compatible:gpt-5",
                "--base-url", server.url("/v1").toString(), "--cache-keepalive", "3", "look around");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String said = "--cache-keepalive: openai-compatible:gpt-5 has no prompt cache that a request is documented to "
                + "keep alive (OpenAI's and DeepSeek's cache prefixes on their own); no pings are sent";
        assertThat((run.out() + run.err()).split(java.util.regex.Pattern.quote(said), -1)).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
