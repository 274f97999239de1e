package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** o200k is read ahead only for the commands that build a harness: the quick ones must not share a core with it. */
class MainWarmUpTest {
    @Test
    void commands_that_build_a_harness_read_o200k_ahead() {
        for (String command : new String[] {"demo", "run", "chat", "resume", "tools", "eval", "eval-run", "replay",
                "bench"}) {
            assertThat(Main.countsTokens(new String[] {command, "--anything"})).as(command).isTrue();
        }
        assertThat(Main.countsTokens(new String[0])).as("bare cachet is a chat").isTrue();
    }

    @Test
    void stats_reads_o200k_only_when_a_log_is_not_in_its_cache() {
        assertThat(Main.countsTokens(new String[] {"stats", "daily"})).isFalse();
    }

    @Test
    void quick_commands_do_not() {
        for (String command : new String[] {"--version", "--help", "-h", "statusline", "sessions", "strategies",
                "prices", "corpus", "trust"}) {
            assertThat(Main.countsTokens(new String[] {command})).as(command).isFalse();
        }
    }
}
