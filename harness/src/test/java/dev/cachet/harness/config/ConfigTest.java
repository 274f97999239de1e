package dev.cachet.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private final Config base = new Config(Optional.of("masking"),
            Map.of("masking", Map.of("keep", 3), "summary", Map.of("max_tokens", 1000, "keep_turns", 2)));

    @Test
    void the_empty_config_has_no_strategy_and_no_parameters() {
        assertThat(Config.EMPTY.strategy()).isEmpty();
        assertThat(Config.EMPTY.strategies()).isEmpty();
        assertThat(Config.EMPTY.paramsFor("masking")).isEmpty();
    }

    @Test
    void params_for_a_strategy_it_does_not_mention_are_empty() {
        assertThat(base.paramsFor("hybrid")).isEmpty();
        assertThat(base.paramsFor("masking")).isEqualTo(Map.of("keep", 3));
    }

    @Test
    void the_overriding_strategy_wins_when_it_has_one() {
        assertThat(base.overriddenBy(new Config(Optional.of("state"), Map.of())).strategy()).contains("state");
        assertThat(base.overriddenBy(Config.EMPTY).strategy()).contains("masking");
        assertThat(Config.EMPTY.overriddenBy(base).strategy()).contains("masking");
    }

    @Test
    void parameters_merge_per_strategy_with_the_overriding_values_on_top() {
        Config top = new Config(Optional.empty(), Map.of(
                "summary", Map.of("keep_turns", 9),
                "state", Map.of("keep_turns", 1)));

        Config merged = base.overriddenBy(top);

        assertThat(merged.strategies()).isEqualTo(Map.of(
                "masking", Map.of("keep", 3),
                "summary", Map.of("max_tokens", 1000, "keep_turns", 9),
                "state", Map.of("keep_turns", 1)));
    }

    @Test
    void overriding_changes_neither_config() {
        Config top = new Config(Optional.of("state"), Map.of("masking", Map.of("keep", 8)));
        base.overriddenBy(top);
        assertThat(base.paramsFor("masking")).isEqualTo(Map.of("keep", 3));
        assertThat(base.strategy()).contains("masking");
        assertThat(top.paramsFor("masking")).isEqualTo(Map.of("keep", 8));
        assertThat(top.strategies()).containsOnlyKeys("masking");
    }

    @Test
    void overriding_by_the_empty_config_changes_nothing() {
        assertThat(base.overriddenBy(Config.EMPTY)).isEqualTo(base);
        assertThat(Config.EMPTY.overriddenBy(base)).isEqualTo(base);
    }

    @Test
    void its_map_of_strategies_is_a_copy_that_cannot_be_changed() {
        Map<String, Map<String, Integer>> given = new HashMap<>();
        given.put("masking", Map.of("keep", 3));
        Config config = new Config(Optional.empty(), given);
        given.put("state", Map.of("keep_turns", 1));

        assertThat(config.strategies()).containsOnlyKeys("masking");
        assertThatThrownBy(() -> config.strategies().put("x", Map.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void its_variables_go_on_top_of_the_environment_cachet_started_with() {
        Config config = new Config(Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), List.of(),
                Map.of("GOFLAGS", "-mod=mod", "PATH", "/opt/bin"), SandboxSettings.NONE);

        assertThat(config.environment(Map.of("PATH", "/usr/bin", "HOME", "/home/me")))
                .isEqualTo(Map.of("PATH", "/opt/bin", "HOME", "/home/me", "GOFLAGS", "-mod=mod"));
    }
}
