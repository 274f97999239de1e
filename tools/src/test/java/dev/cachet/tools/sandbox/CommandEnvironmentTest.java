package dev.cachet.tools.sandbox;

import static org.assertj.core.api.Assertions.*;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandEnvironmentTest {
    private static final Map<String, String> PARENT = Map.of(
            "PATH", "/usr/bin:/bin",
            "HOME", "/home/dev",
            "ANTHROPIC_API_KEY", "sk-1",
            "GITHUB_TOKEN", "ghp-1",
            "MY_SECRET", "s-1",
            "db_password", "p-1",
            "aws_secret_access_key", "a-1",
            "NPM_TOKEN", "npm-1");

    @Test
    void drops_variables_whose_names_look_secret_whatever_their_case() {
        assertThat(CommandEnvironment.of(PARENT, Set.of()))
                .isEqualTo(Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/dev"));
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
