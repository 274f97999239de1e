package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A command line that names a command has picocli build only that command's model; any other (help, version, a
 * misspelt command, none) gets every command, for the list and the suggestions it prints.
 */
class CommandChoiceTest {
    @Test
    void a_named_command_is_the_only_one_built() {
        assertThat(Main.commands(new String[] {"stats", "daily"})).containsExactly(StatsCommand.class);
        assertThat(Main.commands(new String[] {"bench", "stats"})).containsExactly(BenchCommand.class);
    }

    @Test
    void help_version_and_unknown_names_get_every_command() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-V"}, {"statz"}, {"stats2"}}) {
            assertThat(Main.commands(args)).as(String.join(" ", args)).isEqualTo(CachetCommand.COMMANDS);
        }
    }

    @Test
    void every_command_is_found_by_its_name() {
        for (Class<?> command : CachetCommand.COMMANDS) {
            String name = command.getAnnotation(CommandLine.Command.class).name();
            assertThat(Main.commands(new String[] {name})).as(name).containsExactly(command);
        }
    }

    @Test
    void a_command_built_alone_prints_the_help_it_prints_beside_the_others() {
        for (Class<?> command : CachetCommand.COMMANDS) {
            String name = command.getAnnotation(CommandLine.Command.class).name();
            assertThat(help(Main.commandLine(Clock.systemUTC(), Map.of(), Path.of(""), Main.commands(new String[] {name})), name))
                    .as(name)
                    .isEqualTo(help(Main.commandLine(Clock.systemUTC(), Map.of(), Path.of(""), CachetCommand.COMMANDS), name));
        }
    }

    private static String help(CommandLine commandLine, String name) {
        return commandLine.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }
}
