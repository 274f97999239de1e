package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Only a run that did its command's work keeps the class list its launcher asked for. */
class LauncherClassListTest {
    @TempDir
    Path dir;

    @Test
    void a_run_of_a_command_that_succeeded_is_a_fair_sample() {
        assertThat(LauncherClassList.fairSample(0, parse("replay", "session.jsonl"))).isTrue();
        assertThat(LauncherClassList.fairSample(0, parse("stats", "daily"))).isTrue();
    }

    @Test
    void help_or_version_anywhere_in_the_command_line_is_not() {
        for (String[] args : new String[][] {{"replay", "--help"}, {"stats", "daily", "-h"}, {"--version"},
                {"-V"}, {"--help"}}) {
            assertThat(LauncherClassList.fairSample(0, parse(args))).as(String.join(" ", args)).isFalse();
        }
    }

    @Test
    void a_failed_run_or_one_that_did_not_parse_is_not() {
        assertThat(LauncherClassList.fairSample(1, parse("replay", "session.jsonl"))).isFalse();
        assertThat(LauncherClassList.fairSample(2, null)).isFalse();
    }

    @Test
    void the_list_goes_after_a_run_that_is_no_sample_and_stays_after_one_that_is() throws IOException {
        Path kept = Files.writeString(dir.resolve("kept.classes"), "java/lang/Object id: 0\n");
        Path dropped = Files.writeString(dir.resolve("dropped.classes"), "java/lang/Object id: 0\n");

        LauncherClassList.settle(kept.toString(), 0, parse("replay", "session.jsonl"));
        LauncherClassList.settle(dropped.toString(), 0, parse("replay", "--help"));
        LauncherClassList.settle(null, 1, null);

        assertThat(kept).exists();
        assertThat(dropped).doesNotExist();
    }

    private CommandLine.ParseResult parse(String... args) {
        return Main.commandLine(Clock.systemUTC(), Map.of(), dir, Main.commands(args)).parseArgs(args);
    }
}
