package dev.cachet.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.harness.InputException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDirsTest {
    @Test
    void without_xdg_variables_everything_is_under_home() {
        UserDirs dirs = new UserDirs(Map.of("HOME", "/home/me"));

        assertThat(dirs.config()).isEqualTo(Path.of("/home/me/.config/cachet"));
        assertThat(dirs.stateHome()).isEqualTo(Path.of("/home/me/.local/state"));
        assertThat(dirs.cache()).isEqualTo(Path.of("/home/me/.cache/cachet"));
    }

    @Test
    void absolute_xdg_variables_win_and_empty_or_relative_ones_are_ignored() {
        UserDirs dirs = new UserDirs(Map.of("HOME", "/home/me", "XDG_CONFIG_HOME", "/xdg/config",
                "XDG_STATE_HOME", "relative/state", "XDG_CACHE_HOME", ""));

        assertThat(dirs.config()).isEqualTo(Path.of("/xdg/config/cachet"));
        assertThat(dirs.stateHome()).isEqualTo(Path.of("/home/me/.local/state"));
        assertThat(dirs.cache()).isEqualTo(Path.of("/home/me/.cache/cachet"));
    }

    @Test
    void the_jvms_user_home_is_never_used() {
        UserDirs dirs = new UserDirs(Map.of());

        assertThatThrownBy(dirs::config).isInstanceOf(InputException.class).hasMessageStartingWith("HOME is not set");
        assertThat(new UserDirs(Map.of("XDG_STATE_HOME", "/state")).stateHome()).isEqualTo(Path.of("/state"));
    }
}
