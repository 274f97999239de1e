package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cachet run` against a local server that answers as OpenAI's chat completions do. */
class OpenAiRunTest {
    @TempDir
    Path workspace;

    @StartStop
    final MockWebServer server = new MockWebServer();

    private static MockResponse call(String id, String tool, String arguments, int prompt, int cached) {
        return StreamedAnswers.openAi("""
                {"id":"chatcmpl-%s","object":"chat.completion","created":1764000000,"model":"gpt-5",
                 "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
                   "tool_calls":[{"id":"%s","type":"function","function":{"name":"%s","arguments":%s}}]}}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":20,"total_tokens":%d,
                          "prompt_tokens_details":{"cached_tokens":%d}}}"""
                .formatted(id, id, tool, arguments, prompt, prompt + 20, cached));
    }

    @Test
    void an_openai_compatible_server_runs_a_task_and_its_cached_tokens_are_billed_as_cache_reads() throws Exception {
        server.enqueue(call("c1", "write_file", "\"{\\\"path\\\":\\\"a.txt\\\",\\\"content\\\":\\\"x\\\"}\"", 1500, 0));
        server.enqueue(call("c2", "finish", "\"{\\\"summary\\\":\\\"done\\\"}\"", 1600, 1408));

        CliRun run = CliRun.of("run", "-w", workspace.toString(), "-m", "openai-compatible:gpt-5",
                "--base-url", server.url("/v1").toString(), "write a.txt");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(workspace.resolve("a.txt"))).isEqualTo("x");
        assertThat(run.out()).contains("input 3,100 (cache read 1,408, cache write 0, uncached 1,692), output 40");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void openai_compatible_needs_a_base_url_and_deepseek_a_key() {
        CliRun noUrl = CliRun.of("run", "-w", workspace.toString(), "-m", "openai-compatible:llama3", "task");
        assertThat(noUrl.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(noUrl.err()).contains("openai-compatible:llama3 needs --base-url");

        CliRun noKey = CliRun.withEnvironment(Map.of("OPENAI_API_KEY", "x"), "run", "-w", workspace.toString(),
                "-m", "deepseek:deepseek-chat", "task");
        assertThat(noKey.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(noKey.err()).contains("DEEPSEEK_API_KEY is not set");
    }

    @Test
    void a_model_on_your_own_server_without_a_price_runs_at_no_cost_and_says_how_to_price_it() throws Exception {
        server.enqueue(call("c1", "finish", "\"{\\\"summary\\\":\\\"done\\\"}\"", 1500, 0));

        CliRun run = CliRun.of("run", "-w", workspace.toString(), "-m", "openai-compatible:llama3",
                "--base-url", server.url("/v1").toString(), "task");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: no price for llama3: billed at $0, as a model on your own server is;"
                + " if its host charges, add it to ~/.config/cachet/prices.yaml");
        assertThat(run.out()).contains("cost:    $0.0000");
        assertThat(server.getRequestCount()).isOne();
    }

    @Test
    void a_cost_limit_on_a_model_billed_at_nothing_says_it_never_stops_the_session() throws Exception {
        server.enqueue(call("c1", "finish", "\"{\\\"summary\\\":\\\"done\\\"}\"", 1500, 0));

        CliRun run = CliRun.of("run", "-w", workspace.toString(), "-m", "openai-compatible:llama3",
                "--base-url", server.url("/v1").toString(), "--max-cost", "0.50", "task");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out() + run.err()).contains("--max-cost: openai-compatible:llama3 is billed at $0, so the limit"
                + " never stops the session");
    }

    @Test
    void a_model_of_a_paid_provider_without_a_price_is_refused_before_any_request() {
        CliRun run = CliRun.withEnvironment(Map.of("OPENAI_API_KEY", "x"), "run", "-w", workspace.toString(), "-m",
                "openai:gpt-9-ultra", "--base-url", server.url("/v1").toString(), "task");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains("no price for model gpt-9-ultra").contains("~/.config/cachet/prices.yaml");
        assertThat(server.getRequestCount()).isZero();
    }
}
