package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {

    private static List<String> names(String argument) {
        String arguments = "{\"content\":\"" + argument + "\"}";
        return References.of(AssistantTurn.calls("", new ToolCall("c1", "write_file", arguments))).stream()
                .map(References.Reference::name).toList();
    }

    @Test
    void finds_paths_and_file_names() {
        assertThat(names("see src/main/Lexer.java and pom.xml")).contains("src/main/Lexer.java", "pom.xml");
    }

    @Test
    void a_long_word_is_read_in_linear_time() {
        // A log's argument of 100k letters with no slash: the path pattern tried every start again to its end, and
        // replay spent minutes on one call (200k letters: over 12 minutes).
        String word = "A".repeat(100_000);

        List<String> found = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> names(word + " then src/a.py"));

        assertThat(found).contains("src/a.py");
    }
}
