package dev.cachet.evals.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Downloads the corpus into a directory, verifying each file's sha256 before it takes its place: a file that is
 * already there with the right hash is not fetched again, and a download that does not match is never kept.
 */
public final class CorpusFetcher {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http;
    private final UnaryOperator<URI> mirror;

    /** One file done: how many of how many, the file, and whether it had to be downloaded. */
    public record Progress(int done, int total, String file, boolean downloaded) {}

    /** @param mirror rewrites each manifest URL, for mirrors (and tests); identity for the real sources */
    public CorpusFetcher(HttpClient http, UnaryOperator<URI> mirror) {
        this.http = http;
        this.mirror = mirror;
    }

    public static CorpusFetcher direct() {
        return direct(UnaryOperator.identity());
    }

    /** Over the JDK's HTTP client, following redirects (GitHub answers raw files with one). */
    public static CorpusFetcher direct(UnaryOperator<URI> mirror) {
        return new CorpusFetcher(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build(), mirror);
    }

    /** @return how many files were downloaded (the others were already there) */
    public int fetch(CorpusManifest manifest, Path directory, Consumer<Progress> progress) {
        int downloaded = 0;
        int done = 0;
        for (CorpusManifest.Entry entry : manifest.files()) {
            Path target = directory.resolve(entry.file());
            boolean fetched = !entry.sha256().equals(sha256(target));
            if (fetched) {
                download(entry, target);
                downloaded++;
            }
            progress.accept(new Progress(++done, manifest.files().size(), entry.file(), fetched));
        }
        return downloaded;
    }

    private void download(CorpusManifest.Entry entry, Path target) {
        URI url = mirror.apply(entry.url());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new CorpusException(entry.file() + ": " + url + " answered HTTP " + response.statusCode());
            }
            String actual = sha256(partial);
            if (!entry.sha256().equals(actual)) {
                throw new CorpusException(entry.file() + ": " + url + " has sha256 " + actual + ", the manifest says "
                        + entry.sha256() + "; not kept");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (ConnectException | UnknownHostException | HttpConnectTimeoutException e) {
            throw new CorpusException("cannot reach " + url.getHost() + " to fetch " + entry.file()
                    + " (offline?); files already fetched are kept, run again to go on", e);
        } catch (IOException e) {
            throw new CorpusException(entry.file() + ": download from " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CorpusException("interrupted while fetching " + entry.file(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** The file's sha256 in hex, or "" when there is no such file. */
    static String sha256(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover .partial file is overwritten by the next fetch.
        }
    }
}
