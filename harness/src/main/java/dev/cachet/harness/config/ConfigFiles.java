package dev.cachet.harness.config;

import dev.cachet.harness.InputException;
import dev.cachet.providers.pricing.PriceListDownload;
import dev.cachet.providers.pricing.PriceTable;
import dev.cachet.providers.pricing.PriceTableException;
import dev.cachet.tools.RealPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * cachet's YAML config files, lowest precedence first: the user's {@code config.yaml} in cachet's config directory,
 * then the current directory's {@code .cachet.yaml}, which counts in full only where the user trusted that directory;
 * and for prices the price list 'cachet prices update' keeps in cachet's cache, then the user's {@code prices.yaml}. Missing files are skipped; anything else there that cannot be read is an
 * error naming the file and the key.
 */
public final class ConfigFiles {
    public static final String PROJECT_FILE = ".cachet.yaml";

    /** A config file and whether all its keys apply, or only the harmless ones. */
    public record Layer(Path file, boolean trusted) {}

    private final List<Layer> layers;
    private final Optional<Path> prices;
    private final Optional<Path> priceList;

    public ConfigFiles(List<Layer> layers, Optional<Path> prices) {
        this(layers, prices, Optional.empty());
    }

    /** @param priceList a downloaded LiteLLM price list, priced before the bundled table when it is there */
    public ConfigFiles(List<Layer> layers, Optional<Path> prices, Optional<Path> priceList) {
        this.layers = List.copyOf(layers);
        this.prices = prices;
        this.priceList = priceList;
    }

    /** Where 'cachet prices update' keeps the price list it downloads: in cachet's cache directory. */
    public static Path priceList(UserDirs dirs) {
        return dirs.cache().resolve("prices").resolve("litellm.json");
    }

    /**
     * The user's config and price file in cachet's config directory, then {@code workingDirectory}'s
     * {@code .cachet.yaml}, trusted only if the user's list of trusted directories names it.
     */
    public static ConfigFiles standard(UserDirs dirs, Path workingDirectory) {
        Path config = dirs.config();
        boolean trusted = TrustedDirectories.of(dirs).trusts(workingDirectory);
        return new ConfigFiles(List.of(new Layer(config.resolve("config.yaml"), true),
                new Layer(workingDirectory.resolve(PROJECT_FILE), trusted)), Optional.of(config.resolve("prices.yaml")),
                Optional.of(priceList(dirs)));
    }

    /** The bundled prices, the downloaded price list on top, and the user's price file on top of both. */
    public PriceTable prices() {
        PriceTable bundled = PriceTable.bundled();
        try {
            PriceTable listed = priceList.filter(Files::exists)
                    .map(list -> bundled.overriddenByLiteLlm(list, PriceListDownload.MIN_MODELS)).orElse(bundled);
            return prices.filter(Files::exists).map(listed::overriddenBy).orElse(listed);
        } catch (PriceTableException e) {
            throw new InputException(e.getMessage());
        }
    }

    /**
     * @throws InputException if a trusted project's config was read from a folder inside {@code workspace} other than
     *     its root: the sandbox keeps only the workspace's own {@code .cachet.yaml} from the agent, which could write
     *     this one and so choose what the next run starts
     */
    public void refuseTrustedProjectInside(Path workspace) {
        Path root = RealPath.of(workspace);
        for (Layer layer : layers) {
            Optional<Path> folder = TrustedDirectories.canonical(layer.file().toAbsolutePath().getParent());
            if (layer.trusted() && layer.file().getFileName().toString().equals(PROJECT_FILE)
                    && Files.isRegularFile(layer.file()) && folder.filter(f -> f.startsWith(root) && !f.equals(root)).isPresent()) {
                throw new InputException(layer.file() + ": a trusted config inside the workspace " + workspace
                        + ", where the agent can write it (only the workspace's own .cachet.yaml is kept from it); run "
                        + "cachet from " + workspace + " or outside it, or 'cachet trust --revoke' here");
            }
        }
    }

    /**
     * The agent never writes a project's {@code .cachet.yaml}, but it may write where a link by that name points, and
     * so set the keys only trust allows (a server to start, a sandbox to drop). The user's own config may be a link.
     */
    private static void refuseTrustedProjectLink(Layer layer) {
        if (layer.trusted() && layer.file().getFileName().toString().equals(PROJECT_FILE)
                && Files.isSymbolicLink(layer.file())) {
            throw new InputException(layer.file() + ": a symbolic link; a trusted project's config must be a file of"
                    + " its own, as the agent can write where a link points (put a copy in its place, or run"
                    + " 'cachet trust --revoke')");
        }
    }

    // The sandbox mounts over a project's .cachet.yaml while a command runs, making an empty folder where there is
    // none; a cachet killed meanwhile leaves it. It holds no config, and another cachet may be using it.
    private static boolean mountPoint(Path file) {
        if (!file.getFileName().toString().equals(PROJECT_FILE) || !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(file)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Every file's settings, nearer files on top; {@code warnings} gets a line per key an untrusted file may not set. */
    public Config load(Consumer<String> warnings) {
        Config config = Config.EMPTY;
        for (Layer layer : layers) {
            if (Files.exists(layer.file(), LinkOption.NOFOLLOW_LINKS) && !mountPoint(layer.file())) {
                if (!Files.isRegularFile(layer.file())) {
                    throw new InputException(layer.file() + ": not a file; cachet reads its config from it");
                }
                refuseTrustedProjectLink(layer);
                config = config.overriddenBy(ConfigFileReader.read(layer.file(), layer.trusted(), warnings));
            }
        }
        return config;
    }
}
