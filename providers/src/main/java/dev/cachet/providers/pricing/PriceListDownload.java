package dev.cachet.providers.pricing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Fetches LiteLLM's model price list and keeps it where lookups find it ({@link PriceTable#overriddenByLiteLlm}).
 * The list is checked whole before it replaces the kept one: a download that fails, is cut short or is not a whole
 * price list leaves the kept list as it was.
 */
public final class PriceListDownload {
    /** LiteLLM's list on GitHub, which ccusage prices with too. */
    public static final URI LITELLM =
            URI.create("https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json");
    /** LiteLLM's list prices well over a thousand chat models; one with fewer than this is not the whole list. */
    public static final int MIN_MODELS = 100;
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final HttpClient http;
    private final int minModels;

    public PriceListDownload(HttpClient http, int minModels) {
        this.http = http;
        this.minModels = minModels;
    }

    public static PriceListDownload direct() {
        return new PriceListDownload(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(TIMEOUT).build(), MIN_MODELS);
    }

    /**
     * Downloads the list at {@code url} and, once it proves a whole price list, keeps it as {@code kept}.
     *
     * @return how many chat models it prices
     * @throws PriceTableException naming the URL when it cannot be fetched or is no whole price list
     */
    public int update(URI url, Path kept) {
        String body = fetch(url);
        int models = LiteLlmPrices.parse(body, url.toString(), minModels).size();
        try {
            Files.createDirectories(kept.toAbsolutePath().getParent());
            Path partial = Files.createTempFile(kept.toAbsolutePath().getParent(), kept.getFileName() + ".", ".part");
            Files.writeString(partial, body, StandardCharsets.UTF_8);
            move(partial, kept);
        } catch (IOException e) {
            throw new PriceTableException(kept + ": cannot keep the price list there: " + e.getMessage(), e);
        }
        return models;
    }

    private String fetch(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new PriceTableException(url + ": HTTP " + response.statusCode(), null);
            }
            return response.body();
        } catch (IOException e) {
            throw new PriceTableException(url + ": cannot be fetched: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PriceTableException(url + ": interrupted while fetching", e);
        }
    }

    /** Readers see the old list or the new one, never half of one. */
    private static void move(Path partial, Path kept) throws IOException {
        try {
            Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, kept, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
