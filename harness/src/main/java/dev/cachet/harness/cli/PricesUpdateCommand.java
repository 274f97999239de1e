package dev.cachet.harness.cli;

import dev.cachet.harness.InputException;
import dev.cachet.harness.config.ConfigFiles;
import dev.cachet.providers.pricing.PriceListDownload;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.pricing.PriceTableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Fetch LiteLLM's model price list (the one ccusage prices with), check that it is a whole "
                + "price list, and keep it in cachet's cache ($XDG_CACHE_HOME/cachet/prices, else "
                + "~/.cache/cachet/prices): from then on models are priced from it before the bundled table. A "
                + "download that fails or is not a whole list is refused and the list kept before stays in use."})
final class PricesUpdateCommand implements Callable<Integer> {
    @ParentCommand
    PricesCommand prices;

    @Option(names = "--url", paramLabel = "URL", description = "Fetch the list from here. Default: LiteLLM's on GitHub.")
    URI url = PriceListDownload.LITELLM;

    @Option(names = "--offline", description = "Fetch nothing and drop the fetched list: price with the bundled table "
            + "(and your prices.yaml) only.")
    boolean offline;

    @Override
    public Integer call() {
        Path kept = ConfigFiles.priceList(prices.root.dirs());
        if (offline) {
            delete(kept);
            PriceTable bundled = PriceTable.bundled();
            prices.out().printf("pricing with the bundled table only: %d models, checked %s%n", bundled.models().size(),
                    bundled.pricesAsOf());
            return ExitCodes.OK;
        }
        if (!url.isAbsolute() || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new UsageException("--url must be an http(s) URL, got " + url);
        }
        try {
            int models = PriceListDownload.direct().update(url, kept);
            prices.out().printf("%d priced models from %s, kept in %s; they are priced from it before the bundled "
                    + "table%n", models, url, kept);
            return ExitCodes.OK;
        } catch (PriceTableException e) {
            throw new InputException(e.getMessage() + (Files.exists(kept)
                    ? "; the price list fetched before stays in use" : "; the bundled price table stays in use"));
        }
    }

    private static void delete(Path kept) {
        try {
            Files.deleteIfExists(kept);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + kept, e);
        }
    }
}
