package dev.cachet.harness.cli;

import picocli.CommandLine.Command;

@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "The public corpus of recorded agent sessions that 'cachet replay' measures strategies on.",
        subcommands = {CorpusFetchCommand.class}, commandListHeading = "%nCommands:%n")
final class CorpusCommand extends Subcommand {}
