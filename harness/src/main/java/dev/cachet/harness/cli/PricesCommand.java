package dev.cachet.harness.cli;

import picocli.CommandLine.Command;

@Command(name = "prices", mixinStandardHelpOptions = true,
        description = {"The model prices cachet bills with: a table bundled in cachet, LiteLLM's price list when "
                + "'cachet prices update' has fetched it (it wins over the bundled table), and your own "
                + "~/.config/cachet/prices.yaml on top of both (per model, dollars per million tokens: input, output, "
                + "cache_write_5m, cache_write_1h, cache_read)."},
        subcommands = {PricesUpdateCommand.class}, commandListHeading = "%nCommands:%n")
final class PricesCommand extends Subcommand {}
