package dev.cachet.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.harness.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedDirectoriesTest {
    @TempDir
    Path dir;

    private TrustedDirectories trusted() {
        return new TrustedDirectories(dir.resolve("config/cachet/trusted-projects"));
    }

    @Test
    void nothing_is_trusted_until_the_user_says_so_and_then_only_what_they_named() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path other = Files.createDirectories(dir.resolve("other"));
        assertThat(trusted().trusts(repo)).isFalse();

        assertThat(trusted().trust(repo)).isEqualTo(repo.toRealPath());

        assertThat(trusted().trusts(repo)).isTrue();
        assertThat(trusted().trusts(other)).isFalse();
        assertThat(trusted().list()).containsExactly(repo.toRealPath());
    }

    @Test
    void a_list_that_is_not_utf8_is_named_by_line_and_byte() throws IOException {
        Path list = Files.createDirectories(dir.resolve("config/cachet")).resolve("trusted-projects");
        Files.write(list, new byte[] {'/', 'a', '\n', '/', (byte) 0xc3, '\n'});

        assertThatThrownBy(() -> trusted().list()).isInstanceOf(InputException.class)
                .hasMessage(list + ":2: not UTF-8 (byte offset 4)");
    }

    @Test
    void a_link_to_a_trusted_directory_is_that_directory() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), repo);
        trusted().trust(link);

        assertThat(trusted().list()).containsExactly(repo.toRealPath());
        assertThat(trusted().trusts(repo)).isTrue();
    }

    @Test
    void revoking_forgets_the_directory_also_when_it_is_gone() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path kept = Files.createDirectories(dir.resolve("kept"));
        trusted().trust(repo);
        trusted().trust(kept);
        Files.delete(repo);

        assertThat(trusted().revoke(repo)).isTrue();
        assertThat(trusted().revoke(repo)).isFalse();
        assertThat(trusted().list()).containsExactly(kept.toRealPath());
    }

    @Test
    void only_existing_directories_can_be_trusted() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "");
        assertThatThrownBy(() -> trusted().trust(file)).isInstanceOf(InputException.class).hasMessage(file + ": not a directory");
        assertThatThrownBy(() -> trusted().trust(dir.resolve("gone"))).isInstanceOf(InputException.class);
        assertThat(trusted().list()).isEmpty();
    }

    @Test
    void a_malformed_list_is_an_error_naming_file_and_line() throws IOException {
        Path file = Files.createDirectories(dir.resolve("config/cachet")).resolve("trusted-projects");
        Files.write(file, List.of("# comment", "", "relative/path"));

        assertThatThrownBy(() -> trusted().trusts(dir))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":3: expected an absolute path, got 'relative/path'");
    }
}
