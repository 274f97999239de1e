package dev.cachet.tools.sandbox;

import static org.assertj.core.api.Assertions.*;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandEnvironmentTest {
    private static final Map<String, String> PARENT = Map.ofEntries(
            Map.entry("PATH", "/usr/bin:/bin"),
            Map.entry("HOME", "/home/dev"),
            Map.entry("ANTHROPIC_API_KEY", "sk-1"),
            Map.entry("GITHUB_TOKEN", "ghp-1"),
            Map.entry("MY_SECRET", "s-1"),
            Map.entry("db_password", "p-1"),
            Map.entry("aws_secret_access_key", "a-1"),
            Map.entry("NPM_TOKEN", "npm-1"),
            Map.entry("MYSQL_PWD", "m-1"),
            Map.entry("SMTP_PASS", "s-2"),
            Map.entry("GOOGLE_APPLICATION_CREDENTIALS", "/home/dev/sa.json"),
            Map.entry("DATABASE_URL", "postgres://app:hunter22@db:5432/app"));

    @Test
    void drops_variables_whose_names_look_secret_whatever_their_case() {
        assertThat(CommandEnvironment.of(PARENT, Set.of()))
                .isEqualTo(Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/dev"));
    }

    @Test
    void keeps_the_working_directory_and_urls_without_a_password() {
        Map<String, String> parent = Map.of("PWD", "/work", "OLDPWD", "/", "REDIS_URL", "redis://cache:6379/0",
                "PROXY", "http://user@proxy:8080", "DATABASE_URL", "postgres://app:hunter22@db:5432/app",
                "TOX_TESTENV_PASSENV", "HOME");

        assertThat(CommandEnvironment.of(parent, Set.of()))
                .containsOnlyKeys("PWD", "OLDPWD", "REDIS_URL", "PROXY", "TOX_TESTENV_PASSENV");
    }

    @Test
    void keeps_the_secrets_the_user_allowed_by_exact_name() {
        assertThat(CommandEnvironment.of(PARENT, Set.of("NPM_TOKEN", "github_token")))
                .isEqualTo(Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/dev", "NPM_TOKEN", "npm-1"));
    }

    @Test
    void allowing_a_variable_that_is_not_set_adds_nothing() {
        assertThat(CommandEnvironment.of(Map.of("PATH", "/bin"), Set.of("MISSING_KEY"))).isEqualTo(Map.of("PATH", "/bin"));
    }
}
