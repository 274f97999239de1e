package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command's --help at 80 columns breaks lines between words only, never inside a name like results.jsonl. */
class HelpWrappingTest {
    @Test
    void no_help_line_ends_inside_a_word() {
        List<String> broken = new ArrayList<>();
        List<CommandLine> commands = new ArrayList<>();
        collect(Main.commandLine(Clock.systemUTC(), Map.of(), Path.of("")), commands);

        for (CommandLine command : commands) {
            Set<String> words = words(command.getCommandSpec());
            String[] lines = command.getUsageMessage(Ansi.OFF).split("\n");
            assertThat(lines).as(command.getCommandName()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
            for (int i = 0; i + 1 < lines.length; i++) {
                String end = lastWord(lines[i]);
                String start = firstWord(lines[i + 1]);
                if (!end.isEmpty() && !start.isEmpty() && !words.contains(end) && words.contains(end + start)) {
                    broken.add(command.getCommandName() + ": '" + end + "' / '" + start + "'");
                }
            }
        }

        assertThat(commands).hasSizeGreaterThan(15);
        assertThat(broken).isEmpty();
    }

    @Test
    void help_text_keeps_its_words_as_written() {
        String help = Main.commandLine(Clock.systemUTC(), Map.of(), Path.of("")).getSubcommands().get("eval")
                .getUsageMessage(Ansi.OFF);

        assertThat(help).contains("DIR/results.jsonl").doesNotContain("\uFEFF");
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    /** The words of the command's descriptions, as written: what a line break must not split. */
    private static Set<String> words(CommandSpec spec) {
        Set<String> words = new HashSet<>();
        List<String> texts = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
        for (ArgSpec arg : spec.args()) {
            texts.addAll(Arrays.asList(arg.description()));
        }
        texts.forEach(text -> words.addAll(Arrays.asList(text.split("\\s+"))));
        return words;
    }

    private static String lastWord(String line) {
        String[] words = line.strip().split("\\s+");
        return words[words.length - 1];
    }

    private static String firstWord(String line) {
        return line.strip().split("\\s+")[0];
    }
}
