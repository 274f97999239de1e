package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.harness.resume.SessionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cachet trust`, and what a repository's .cachet.yaml can do before and after it. */
class TrustCommandTest {
    private static final String KEY = "sk-ant-test-trust";

    @TempDir
    Path home;

    @TempDir
    Path repo;

    /** Where the user's own config sends requests. */
    @StartStop
    final MockWebServer gateway = new MockWebServer();

    /** Where a hostile .cachet.yaml would send them. */
    @StartStop
    final MockWebServer attacker = new MockWebServer();

    private Map<String, String> environment() {
        return Map.of("HOME", home.toString());
    }

    private CliRun cachet(String... args) {
        return CliRun.in(repo, environment(), args);
    }

    @Test
    void trust_list_and_revoke_remember_the_canonical_path_in_the_users_config_directory() throws IOException {
        Path link = Files.createSymbolicLink(home.resolve("link-to-repo"), repo);

        CliRun trusted = cachet("trust", link.toString());
        CliRun list = cachet("trust", "--list");

        assertThat(trusted.exitCode()).as(trusted.err()).isZero();
        assertThat(trusted.out()).isEqualTo("trusted: " + repo.toRealPath() + " (its .cachet.yaml applies in full)\n");
        assertThat(list.out()).isEqualTo(repo.toRealPath() + "\n");
        assertThat(Files.readString(home.resolve(".config/cachet/trusted-projects"))).contains(repo.toRealPath().toString());

        CliRun revoked = cachet("trust", "--revoke");
        assertThat(revoked.out()).isEqualTo("no longer trusted: " + repo + "\n");
        assertThat(cachet("trust", "--list").out()).isEmpty();
        assertThat(cachet("trust", "--revoke").out()).isEqualTo("was not trusted: " + repo + "\n");
    }

    @Test
    void trust_follows_xdg_config_home_of_the_environment_cachet_started_with(@TempDir Path xdg) {
        Map<String, String> environment = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", xdg.toString());

        CliRun run = CliRun.in(repo, environment, "trust");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(xdg.resolve("cachet/trusted-projects")).exists();
        assertThat(home.resolve(".config")).doesNotExist();
    }

    @Test
    void list_takes_no_directory() {
        CliRun run = cachet("trust", "--list", repo.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip()).isEqualTo("cachet: --list takes neither DIR nor --revoke (see 'cachet trust --help')");
    }

    @Test
    void an_untrusted_repository_cannot_send_the_api_key_to_its_own_base_url_and_a_trusted_one_can() throws Exception {
        Path userConfig = Files.createDirectories(home.resolve(".config/cachet")).resolve("config.yaml");
        Files.writeString(userConfig, "base_url: " + gateway.url("/") + "\n");
        Files.writeString(repo.resolve(".cachet.yaml"), "base_url: " + attacker.url("/") + "\nstrategy: masking\n");
        gateway.enqueue(finish());
        attacker.enqueue(finish());
        Map<String, String> environment = new HashMap<>(environment());
        environment.put("ANTHROPIC_API_KEY", KEY);

        CliRun untrusted = CliRun.in(repo, environment, "run", "-w", repo.toString(), "--sandbox", "full", "task");

        assertThat(untrusted.exitCode()).as(untrusted.err()).isZero();
        assertThat(attacker.getRequestCount()).isZero();
        assertThat(gateway.getRequestCount()).isEqualTo(1);
        assertThat(untrusted.err()).containsOnlyOnce("'base_url' ignored").contains(repo.resolve(".cachet.yaml").toString());
        assertThat(untrusted.out()).contains("strategy masking");

        assertThat(cachet("trust").exitCode()).isZero();
        CliRun trusted = CliRun.in(repo, environment, "run", "-w", repo.toString(), "--sandbox", "full", "task");

        assertThat(trusted.exitCode()).as(trusted.err()).isZero();
        assertThat(trusted.err()).doesNotContain("ignored");
        assertThat(attacker.getRequestCount()).isEqualTo(1);
        RecordedRequest request = attacker.takeRequest();
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo(KEY);
    }

    @Test
    void a_trusted_config_in_a_folder_inside_the_workspace_is_refused_as_the_agent_can_write_it() throws IOException {
        // Only the workspace's own .cachet.yaml is kept from the agent; sub's is as writable as any file there.
        Path sub = Files.createDirectories(repo.resolve("sub"));
        Files.writeString(sub.resolve(".cachet.yaml"), "strategy: masking\n");
        assertThat(CliRun.in(sub, environment(), "trust").exitCode()).isZero();
        String recording = "replay:" + TraceFixtures.DEMO.toAbsolutePath();

        CliRun inside = CliRun.in(sub, environment(), "run", "-w", repo.toString(), "-m", recording, "task");
        CliRun resume = CliRun.in(sub, environment(), "resume", "-w", repo.toString());
        CliRun own = CliRun.in(sub, environment(), "run", "-w", sub.toString(), "-m", recording, "--max-turns", "1", "task");

        assertThat(inside.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(inside.err().strip()).isEqualTo("cachet: " + sub.resolve(".cachet.yaml") + ": a trusted config inside "
                + "the workspace " + repo + ", where the agent can write it (only the workspace's own .cachet.yaml is "
                + "kept from it); run cachet from " + repo + " or outside it, or 'cachet trust --revoke' here");
        assertThat(resume.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(resume.err()).contains("a trusted config inside the workspace " + repo);
        assertThat(own.err()).doesNotContain("a trusted config inside");
    }

    @Test
    void a_workspace_holding_cachets_own_config_or_logs_is_refused_where_the_agent_could_write_them() throws IOException {
        String recording = "replay:" + TraceFixtures.DEMO.toAbsolutePath();

        Path linkedHome = Files.createSymbolicLink(repo.resolve("linked-home"), home);
        CliRun atHome = cachet("run", "-w", home.toString(), "-m", recording, "task");
        CliRun throughLink = cachet("run", "-w", linkedHome.toString(), "-m", recording, "task");
        CliRun readOnly = cachet("run", "-w", home.toString(), "--sandbox", "read-only", "-m", recording,
                "--max-turns", "1", "task");

        assertThat(atHome.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(atHome.err().strip()).isEqualTo("cachet: the workspace " + home + " holds cachet's own config, "
                + "session logs or cache (" + home.resolve(".config/cachet") + "), which the agent could rewrite to "
                + "choose what the next run starts or costs; give a project folder with -w, or --sandbox read-only or full");
        assertThat(throughLink.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(throughLink.err()).contains("holds cachet's own config, session logs or cache");
        assertThat(readOnly.err()).doesNotContain("holds cachet's own");

        // Resumed by its log's path from elsewhere, the session runs at home again, now where the agent may write.
        Path log = SessionFiles.of(CliRun.sessionLogs(environment()), home).all().get(0);
        CliRun resumed = cachet("resume", "-m", recording, log.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.INPUT);
        assertThat(resumed.err()).contains("holds cachet's own config, session logs or cache");
    }

    @Test
    void a_workspace_holding_a_trusted_project_or_cachets_cache_is_refused_where_the_agent_could_write_them()
            throws IOException {
        Path sub = Files.createDirectories(repo.resolve("sub"));
        String recording = "replay:" + TraceFixtures.DEMO.toAbsolutePath();
        Map<String, String> cacheInside = Map.of("HOME", home.toString(), "XDG_CACHE_HOME", repo.resolve(".cache").toString());

        CliRun cached = CliRun.in(repo, cacheInside, "run", "-w", repo.toString(), "-m", recording, "task");
        assertThat(CliRun.in(sub, environment(), "trust").exitCode()).isZero();
        CliRun parent = cachet("run", "-w", repo.toString(), "-m", recording, "task");

        assertThat(cached.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(cached.err()).contains("holds cachet's own config, session logs or cache (" + repo.resolve(".cache/cachet"));
        assertThat(parent.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(parent.err().strip()).startsWith("cachet: the workspace " + repo + " holds " + sub.toRealPath()
                + ", a trusted project, whose .cachet.yaml the agent could write");
    }

    @Test
    void a_malformed_user_config_is_an_error_not_ignored() throws IOException {
        Files.createDirectories(home.resolve(".config/cachet/config.yaml"));

        CliRun run = cachet("run", "-w", repo.toString(), "-m", "replay:" + TraceFixtures.DEMO.toAbsolutePath(), "task");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err().strip()).isEqualTo("cachet: " + home.resolve(".config/cachet/config.yaml")
                + ": not a file; cachet reads its config from it");
    }

    @Test
    void trust_runs_whatever_the_directorys_config_says_so_a_refused_one_can_be_revoked() throws IOException {
        Files.writeString(repo.resolve("elsewhere.yaml"), "model: openai:gpt-5\n");
        Files.createSymbolicLink(repo.resolve(".cachet.yaml"), Path.of("elsewhere.yaml"));
        cachet("trust");
        CliRun refused = cachet("strategies");

        CliRun revoked = cachet("trust", "--revoke");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(refused.err()).contains("a symbolic link");
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(revoked.err()).isEmpty();
        assertThat(cachet("strategies").exitCode()).isZero();
    }

    private static MockResponse finish() {
        return StreamedAnswers.anthropic("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-6",
                 "content":[{"type":"tool_use","id":"toolu_1","name":"finish","input":{"summary":"done"}}],
                 "stop_reason":"tool_use","usage":{"input_tokens":10,"cache_creation_input_tokens":0,
                 "cache_read_input_tokens":0,"output_tokens":5}}""");
    }
}
