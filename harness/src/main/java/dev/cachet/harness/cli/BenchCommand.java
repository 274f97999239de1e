package dev.cachet.harness.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures and ratios (not pass/fail tests).",
        subcommands = {BenchContextCommand.class, BenchToolsCommand.class, BenchStatsCommand.class,
            BenchReplayCommand.class, BenchTokensCommand.class}, commandListHeading = "%nBenchmarks:%n")
final class BenchCommand extends Subcommand implements CountsTokens {}
