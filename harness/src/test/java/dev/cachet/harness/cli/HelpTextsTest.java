package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli formats every description with String.format and, where that fails (a bare '%'), warns on System.err
 * and prints the raw text: every command's help must format cleanly.
 */
class HelpTextsTest {
    @Test
    void every_command_and_option_description_formats() {
        List<String> texts = new ArrayList<>();
        collect(Main.commandLine(Clock.systemUTC(), Map.of(), Path.of("")), texts);

        assertThat(texts).hasSizeGreaterThan(50);
        assertThat(texts).allSatisfy(text -> assertThat(formats(text)).as(text).isTrue());
    }

    private static boolean formats(String text) {
        try {
            String.format(Locale.ROOT, text);
            return true;
        } catch (java.util.IllegalFormatException e) {
            return false;
        }
    }

    // Option descriptions as written in the annotations: the spec's own are already formatted, defaults filled in.
    private static void collect(CommandLine command, List<String> into) {
        into.addAll(List.of(command.getCommandSpec().usageMessage().description()));
        for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
            if (option.userObject() instanceof Field field && field.isAnnotationPresent(CommandLine.Option.class)) {
                into.addAll(List.of(field.getAnnotation(CommandLine.Option.class).description()));
            }
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
