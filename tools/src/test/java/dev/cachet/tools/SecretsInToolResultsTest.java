package dev.cachet.tools;

import static dev.cachet.tools.ToolTesting.args;
import static org.assertj.core.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A secret in the environment cachet was started with never comes back in a tool result, whatever route it takes. */
class SecretsInToolResultsTest {
    private static final String SECRET = "sk-planted-4f1c9a7e2b";
    private static final String REDACTED = "[redacted:PLANTED_API_KEY]";

    @TempDir
    Path root;

    private ToolContext context;

    @BeforeEach
    void plant_the_secret_in_a_file_a_name_and_the_environment() throws IOException {
        Files.writeString(root.resolve(".env"), "PLANTED_API_KEY=" + SECRET + "\n");
        Files.writeString(root.resolve("shared.txt"), "the key is " + SECRET + "\n");
        Files.writeString(root.resolve(SECRET + ".txt"), "named after the key\n");
        Map<String, String> environment = Map.of("PATH", System.getenv("PATH"), "PLANTED_API_KEY", SECRET,
                "SHORT_TOKEN", "abc123");
        // Passed on to commands on purpose, yet still kept from the model.
        context = ToolTesting.context(root, environment)
                .withSandbox(new Sandbox(SandboxMode.FULL, Set.of("PLANTED_API_KEY"), false));
    }

    static List<Object[]> routes() {
        return List.of(
                new Object[] {"read_file", new Object[] {"path", ".env"}},
                new Object[] {"grep", new Object[] {"pattern", "sk-planted"}},
                new Object[] {"list_files", new Object[] {}},
                new Object[] {"write_file", new Object[] {"path", "copy-" + SECRET, "content", "x"}},
                new Object[] {"edit_file", new Object[] {"path", SECRET + ".txt", "old_string", "absent", "new_string", "x"}},
                new Object[] {"read_file", new Object[] {"path", "missing-" + SECRET}},
                new Object[] {"run_command", new Object[] {"command", "echo \"$PLANTED_API_KEY\""}},
                new Object[] {"run_command", new Object[] {"command", "cat .env; echo " + SECRET + " >&2"}},
                new Object[] {"run_command", new Object[] {"command", "echo \"$PLANTED_API_KEY\"; exit 3"}});
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void a_core_tool_redacts_the_secrets_value(String tool, Object[] arguments) {
        ToolOutput output = ToolBox.core().execute(new ToolCall("c1", tool, args(arguments).toString()), context);

        assertThat(output.content()).doesNotContain(SECRET).contains(REDACTED);
    }

    @Test
    void any_tool_in_the_box_is_redacted_too() {
        ToolBox box = new ToolBox(List.of(new LeakingTool()));

        ToolOutput output = box.execute(new ToolCall("c1", "leak", "{}"), context);

        assertThat(output.content()).isEqualTo("the server says " + REDACTED + " and " + REDACTED);
    }

    @Test
    void a_url_with_a_password_is_a_secret_whatever_its_variable_is_called() {
        String url = "postgres://app:hunter22@db:5432/app";
        ToolContext withUrl = ToolTesting.context(root, Map.of("PATH", System.getenv("PATH"), "DATABASE_URL", url))
                .withSandbox(new Sandbox(SandboxMode.FULL, Set.of("DATABASE_URL"), false));

        ToolOutput output = ToolBox.core().execute(
                new ToolCall("c1", "run_command", args("command", "echo \"$DATABASE_URL\"").toString()), withUrl);

        assertThat(output.content()).isEqualTo("exit code 0\n[redacted:DATABASE_URL]\n");
    }

    @Test
    void a_value_too_short_to_be_told_from_ordinary_text_is_left_alone() {
        ToolOutput output = ToolBox.core().execute(
                new ToolCall("c1", "run_command", args("command", "echo abc123").toString()), context);

        assertThat(output.content()).isEqualTo("exit code 0\nabc123\n");
    }

    @Test
    void a_part_of_the_secret_is_no_oracle_for_it() {
        // Were a part that ends before what looks like a cut redacted, the model could forge the cut after each guess
        // of the secret's next character and learn from the mark which guess was right.
        String guess = SECRET.substring(0, 10) + "\n[... 1 characters cut ...]\n";
        ToolBox box = new ToolBox(List.of(new EchoTool(guess)));

        ToolOutput output = box.execute(new ToolCall("c1", "echo", "{}"), context);

        assertThat(output.content()).isEqualTo(guess);
    }

    @Test
    void a_result_without_the_secret_is_unchanged() throws IOException {
        Files.writeString(root.resolve("plain.txt"), "nothing to hide\n");

        assertThat(ToolBox.core().execute(new ToolCall("c1", "read_file", args("path", "plain.txt").toString()), context))
                .isEqualTo(ToolOutput.ok("     1\tnothing to hide\n"));
    }

    /** A tool that hands back what it was made with, as an error message echoes its input. */
    private record EchoTool(String text) implements Tool {
        @Override
        public ToolSpec spec() {
            return new ToolSpec("echo", "echoes", Schema.object().build());
        }

        @Override
        public ToolOutput execute(JsonNode args, ToolContext context) {
            return ToolOutput.ok(text);
        }
    }

    /** A tool from outside cachet, as an MCP server's, that hands back the secret it was given. */
    private static final class LeakingTool implements Tool {
        @Override
        public ToolSpec spec() {
            return new ToolSpec("leak", "leaks", Schema.object().build());
        }

        @Override
        public ToolOutput execute(JsonNode args, ToolContext context) {
            return ToolOutput.ok("the server says " + SECRET + " and " + SECRET);
        }
    }
}
