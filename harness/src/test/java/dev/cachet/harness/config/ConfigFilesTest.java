package dev.cachet.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.harness.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigFilesTest {
    @TempDir
    Path dir;

    @Test
    void no_files_at_all_is_the_empty_config() {
        assertThat(load()).isEqualTo(Config.EMPTY);
    }

    private static Config load(Path... files) {
        return new ConfigFiles(Stream.of(files).map(file -> new ConfigFiles.Layer(file, true)).toList(), Optional.empty())
                .load(warning -> { throw new AssertionError("no warning expected, got " + warning); });
    }

    @Test
    void missing_files_are_skipped() {
        Config config = load(dir.resolve("nowhere.yaml"), dir.resolve("sub/also-missing.yaml"));
        assertThat(config).isEqualTo(Config.EMPTY);
    }

    @Test
    void a_directory_where_a_file_is_expected_is_an_error_not_silently_skipped() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("config.yaml"));
        assertThatThrownBy(() -> load(directory))
                .isInstanceOf(InputException.class)
                .hasMessage(directory + ": not a file; cachet reads its config from it");
    }

    @Test
    void an_empty_folder_named_as_the_project_config_is_the_sandboxs_mount_point_not_a_config() throws IOException {
        // bwrap makes it while a command runs in the workspace; a killed cachet leaves it behind.
        Path mountPoint = Files.createDirectories(dir.resolve(ConfigFiles.PROJECT_FILE));
        assertThat(load(mountPoint)).isEqualTo(Config.EMPTY);

        Files.writeString(mountPoint.resolve("x"), "");
        assertThatThrownBy(() -> load(mountPoint)).hasMessage(mountPoint + ": not a file; cachet reads its config from it");
    }

    @Test
    void a_stdio_server_runs_in_its_configs_folder_unless_told_never_where_cachet_was_started() throws IOException {
        Files.createDirectories(dir.resolve("cfg"));
        Path file = write("cfg/config.yaml", """
                mcp_servers:
                  here: {command: [npx, -y, some-server]}
                  told: {command: [srv], working_dir: tools}
                  web: {url: "http://127.0.0.1:9/mcp"}
                """);

        assertThat(load(file).mcpServers()).extracting(server -> server.workingDirectory().orElse(null))
                .containsExactly(dir.resolve("cfg"), dir.resolve("cfg/tools"), null);
    }

    @Test
    void reads_the_strategy_and_the_parameters_of_each_strategy() throws IOException {
        Path file = write("a.yaml", """
                strategy: masking
                strategies:
                  masking:
                    keep: 3
                  summary:
                    max_tokens: 20000
                    keep_turns: 2
                """);

        Config config = load(file);

        assertThat(config.strategy()).contains("masking");
        assertThat(config.strategies()).isEqualTo(Map.of(
                "masking", Map.of("keep", 3),
                "summary", Map.of("max_tokens", 20000, "keep_turns", 2)));
        assertThat(config.paramsFor("summary")).containsExactlyInAnyOrderEntriesOf(Map.of("max_tokens", 20000, "keep_turns", 2));
        assertThat(config.paramsFor("hybrid")).isEmpty();
    }

    @Test
    void a_missing_file_between_two_present_ones_is_skipped_and_the_others_still_apply() throws IOException {
        Path first = write("first.yaml", "strategy: state\n");
        Path second = write("second.yaml", "strategies: {state: {keep_turns: 4}}\n");
        Config config = load(first, dir.resolve("missing.yaml"), second);
        assertThat(config).isEqualTo(new Config(Optional.of("state"), Map.of("state", Map.of("keep_turns", 4))));
    }

    @Test
    void later_files_override_earlier_ones_and_parameters_merge_per_strategy() throws IOException {
        Path user = write("user.yaml", """
                strategy: hybrid
                strategies:
                  masking: {keep: 3}
                  summary: {max_tokens: 1000, keep_turns: 2}
                """);
        Path project = write("project.yaml", """
                strategy: summary
                strategies:
                  summary: {keep_turns: 9}
                  state: {keep_turns: 1}
                """);

        Config config = load(user, project);

        assertThat(config.strategy()).contains("summary");
        assertThat(config.paramsFor("masking")).isEqualTo(Map.of("keep", 3));
        assertThat(config.paramsFor("summary")).isEqualTo(Map.of("max_tokens", 1000, "keep_turns", 9));
        assertThat(config.paramsFor("state")).isEqualTo(Map.of("keep_turns", 1));
        assertThat(config.strategies()).containsOnlyKeys("masking", "summary", "state");
    }

    @Test
    void the_order_of_the_files_decides_which_wins() throws IOException {
        Path a = write("a.yaml", "strategy: masking\nstrategies: {masking: {keep: 1}}\n");
        Path b = write("b.yaml", "strategy: state\nstrategies: {masking: {keep: 2}}\n");

        Config ab = load(a, b);
        Config ba = load(b, a);

        assertThat(ab.strategy()).contains("state");
        assertThat(ab.paramsFor("masking")).isEqualTo(Map.of("keep", 2));
        assertThat(ba.strategy()).contains("masking");
        assertThat(ba.paramsFor("masking")).isEqualTo(Map.of("keep", 1));
    }

    @Test
    void a_later_file_without_a_strategy_keeps_the_earlier_one() throws IOException {
        Path user = write("user.yaml", "strategy: masking\n");
        Path project = write("project.yaml", "strategies:\n  masking:\n    keep: 7\n");
        Config config = load(user, project);
        assertThat(config).isEqualTo(new Config(Optional.of("masking"), Map.of("masking", Map.of("keep", 7))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "# nothing configured yet\n", "---\n", "~\n"})
    void an_empty_file_is_fine(String content) throws IOException {
        Path empty = write("empty.yaml", content);
        Path other = write("other.yaml", "strategy: state\n");
        assertThat(load(empty)).isEqualTo(Config.EMPTY);
        assertThat(load(other, empty).strategy()).contains("state");
    }

    @Test
    void an_empty_strategy_mapping_is_fine() throws IOException {
        Path file = write("a.yaml", "strategies:\n  masking: {}\n");
        assertThat(load(file).paramsFor("masking")).isEmpty();
    }

    @Test
    void malformed_yaml_is_an_input_error_naming_the_file() throws IOException {
        Path file = write("bad.yaml", "strategy: [masking\nstrategies: {\n");
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":").hasMessageContaining(": not valid YAML: ");
    }

    @Test
    void malformed_yaml_names_the_line_and_the_problem() throws IOException {
        Path file = write("bad.yaml", "strategy: masking\nmodel: [unclosed\nbase_url: x\n");
        assertThatThrownBy(() -> load(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ":3: not valid YAML: expected ',' or ']', but got :");
    }

    @Test
    void a_file_that_is_not_utf8_names_the_byte() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "strategy: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> load(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":1: not UTF-8 (byte offset 13)");
    }

    @Test
    void a_malformed_error_is_one_line() throws IOException {
        Path file = write("bad.yaml", "strategies:\n  masking:\n    keep: 3\n   summary: [\n");
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith(file + ":4: not valid YAML").doesNotContain("\n"));
    }

    @Test
    void a_second_yaml_document_is_an_error_naming_the_file() throws IOException {
        Path file = write("two.yaml", "strategy: masking\n---\nstrategy: state\n");
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":").hasMessageContaining(": not valid YAML: ");
    }

    @Test
    void a_repeated_parameter_is_an_error_naming_the_file() throws IOException {
        Path file = write("dup.yaml", "strategies: {masking: {keep: 3, keep: 4}}\n");
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":").hasMessageContaining(": not valid YAML: ")
                .hasMessageContaining("keep");
    }

    @Test
    void a_repeated_key_is_an_error_naming_the_file() throws IOException {
        Path file = write("dup.yaml", "strategy: masking\nstrategy: state\n");
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":2: ")
                .hasMessageContaining("strategy");
    }

    @Test
    void the_error_names_the_bad_file_not_the_good_one_before_it() throws IOException {
        Path good = write("good.yaml", "strategy: masking\n");
        Path bad = write("bad.yaml", "stratgey: masking\n");
        assertThatThrownBy(() -> load(good, bad))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(bad + ": unknown key 'stratgey'; known keys: ");
    }

    @Test
    void an_unknown_top_level_key_is_an_error_naming_the_file_and_key() throws IOException {
        Path file = write("a.yaml", "strategy: masking\nmodle: claude\n");
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": unknown key 'modle'; known keys: model, base_url, strategy, strategies, mcp_servers, env, "
                        + "sandbox, allow_env, allow_network");
    }

    @Test
    void model_and_base_url_are_read_and_a_later_file_overrides_them() throws IOException {
        Path user = write("user.yaml", "model: openai:gpt-5\nbase_url: http://proxy.example/v1\n");
        Path project = write("project.yaml", "model: anthropic:claude-haiku-4-5\n");
        Config config = load(user, project);
        assertThat(config.model()).contains("anthropic:claude-haiku-4-5");
        assertThat(config.baseUrl()).contains("http://proxy.example/v1");

        Path bad = write("bad.yaml", "model: [openai]\n");
        assertThatThrownBy(() -> load(bad))
                .isInstanceOf(InputException.class)
                .hasMessage(bad + ": 'model' must be a model like anthropic:claude-sonnet-4-6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"three", "2.5", "99999999999", "true", "[3]", "{n: 3}", "'3'", "~"})
    void a_parameter_that_is_not_a_whole_number_is_an_error_naming_file_strategy_and_parameter(String value) throws IOException {
        Path file = write("a.yaml", "strategies:\n  masking:\n    keep: " + value + "\n");
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": strategies.masking.keep must be a whole number, got ");
    }

    @Test
    void a_negative_parameter_is_an_error_naming_the_file() throws IOException {
        Path file = write("a.yaml", "strategies:\n  masking:\n    keep: -2\n");
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": parameter keep of strategy masking must be >= 1, got -2");
    }

    @Test
    void an_unknown_parameter_or_strategy_is_an_error_naming_the_file() throws IOException {
        Path param = write("p.yaml", "strategies:\n  masking:\n    nope: 1\n");
        assertThatThrownBy(() -> load(param))
                .isInstanceOf(InputException.class)
                .hasMessage(param + ": strategy masking has no parameter 'nope'; it takes keep");
        Path strategy = write("s.yaml", "strategy: psychic\n");
        assertThatThrownBy(() -> load(strategy))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(strategy + ": unknown strategy 'psychic'; available: transcript");
    }

    @Test
    void keys_left_empty_by_commenting_out_their_entries_are_fine() throws IOException {
        Path file = write("a.yaml", "strategy:\nstrategies:\n  masking:\n");
        assertThat(load(file).strategy()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[masking, state]", "masking", "3"})
    void strategies_that_are_not_a_mapping_is_an_error_naming_the_file(String value) throws IOException {
        Path file = write("a.yaml", "strategies: " + value + "\n");
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": 'strategies' must map strategy names to their parameters");
    }

    @Test
    void a_strategy_entry_that_is_not_a_mapping_is_an_error_naming_it() throws IOException {
        Path file = write("a.yaml", "strategies:\n  masking: 3\n");
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": strategies.masking must map parameter names to numbers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "[masking]", "{name: masking}", "true"})
    void a_strategy_that_is_not_a_string_is_an_error_naming_the_file(String value) throws IOException {
        Path file = write("a.yaml", "strategy: " + value + "\n");
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": 'strategy' must be a strategy name");
    }

    @Test
    void a_file_that_is_not_a_mapping_is_an_error_naming_the_file() throws IOException {
        Path file = write("a.yaml", "- masking\n- state\n");
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": expected a mapping with the keys ")
                .hasMessageContaining("strategy").hasMessageContaining("strategies");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void the_users_price_file_overrides_the_bundled_prices_and_a_broken_one_names_itself() throws IOException {
        Path prices = write("prices.yaml", "models:\n  claude-sonnet-4-6: { input: 1.5, output: 7.5, cache_write_5m: 1.875,"
                + " cache_write_1h: 3.0, cache_read: 0.15 }\n");
        assertThat(new ConfigFiles(List.of(), Optional.of(prices)).prices().price("claude-sonnet-4-6").orElseThrow().input())
                .isEqualTo(1.5);
        assertThat(new ConfigFiles(List.of(), Optional.of(dir.resolve("absent.yaml"))).prices().price("claude-sonnet-4-6")
                .orElseThrow().input()).isEqualTo(3.0);

        Path broken = write("broken.yaml", "models: [\n");
        assertThatThrownBy(() -> new ConfigFiles(List.of(), Optional.of(broken)).prices())
                .isInstanceOf(InputException.class).hasMessageStartingWith(broken + ": ");
    }
}
